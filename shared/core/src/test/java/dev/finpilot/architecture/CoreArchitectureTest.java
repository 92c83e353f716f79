package dev.finpilot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core module's classpath holds neither AWS nor a logging framework, so these rules cannot be
 * broken by accident; they stand here so that adding such a dependency to core's pom fails a test
 * that says why the boundary exists: the engines stay portable and testable without a cloud.
 */
@AnalyzeClasses(packages = "dev.finpilot", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule coreIsFreeOfAwsFrameworksAndLogging =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "software.amazon..",
              "com.amazonaws..",
              "io.micronaut..",
              "org.slf4j..",
              "org.apache.logging..");

  @ArchTest
  static final ArchRule coreKnowsNothingOfTheRuntime =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.finpilot.messaging..",
              "dev.finpilot.plans..",
              "dev.finpilot.workflow..",
              "dev.finpilot.agents..",
              "dev.finpilot.retrieval..",
              "dev.finpilot.auth..",
              "dev.finpilot.aws..");
}
