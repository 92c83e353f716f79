package dev.finpilot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the financial brain portable: engines and model never see AWS or a web framework. */
@AnalyzeClasses(packages = "dev.finpilot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String[] DOMAIN_PACKAGES = {
    "dev.finpilot.domain..",
    "dev.finpilot.goals..",
    "dev.finpilot.regulation..",
    "dev.finpilot.market..",
    "dev.finpilot.projection..",
    "dev.finpilot.planning..",
    "dev.finpilot.verification..",
    "dev.finpilot.execution..",
    "dev.finpilot.monitoring..",
    "dev.finpilot.workflow..",
    "dev.finpilot.agents..",
    "dev.finpilot.plans..",
    "dev.finpilot.retrieval..",
    "dev.finpilot.messaging.."
  };

  @ArchTest
  static final ArchRule domainIsFreeOfAws =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.micronaut..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule domainDoesNotReachIntoAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.finpilot.aws..")
          .allowEmptyShould(true);
}
