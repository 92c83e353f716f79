package dev.finpilot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Inside the runtime, only {@code dev.finpilot.aws} talks to AWS: messaging, plans, the workflow
 * and the agents work over ports, so they run the same against DynamoDB, SQS or in memory. (The
 * core's freedom from AWS is a compile-time fact of its module; see CoreArchitectureTest.)
 */
@AnalyzeClasses(packages = "dev.finpilot", importOptions = ImportOption.DoNotIncludeTests.class)
class RuntimeArchitectureTest {

  private static final String[] PORT_PACKAGES = {
    "dev.finpilot.workflow..",
    "dev.finpilot.agents..",
    "dev.finpilot.plans..",
    "dev.finpilot.retrieval..",
    "dev.finpilot.auth..",
    "dev.finpilot.accounts..",
    "dev.finpilot.messaging.."
  };

  @ArchTest
  static final ArchRule portsAreFreeOfAws =
      noClasses()
          .that()
          .resideInAnyPackage(PORT_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("software.amazon..", "com.amazonaws..", "io.micronaut..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule portsDoNotReachIntoAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(PORT_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.finpilot.aws..")
          .allowEmptyShould(true);
}
