package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Money;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationAgentTest {

  @Test
  void storesTheReportAndRepliesWithTheOutcomeAndViolations() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(
                List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(10_000))), "0.60", 0.9));
    VerificationAgent agent =
        new VerificationAgent(f.context, Verifier.standard(), VerificationMetrics.NONE);

    agent.handle(
        f.command(MessageType.VERIFY_PLAN, "u1", new Payloads.VerifyPlan("trigger-9")), f.origin);

    assertThat(f.lastSent().type()).isEqualTo(MessageType.PLAN_VERIFIED);
    Payloads.PlanVerified verified = f.lastSent().payloadAs(Payloads.PlanVerified.class);
    assertThat(verified.outcome()).isEqualTo("REJECTED");
    assertThat(verified.triggerId()).as("names the verification it answers").isEqualTo("trigger-9");
    assertThat(verified.findings())
        .extracting(FindingToResolve::code)
        .contains("MAX_CONTRIBUTION_EXCEEDED");
    assertThat(f.plans.findVersion("p1", 1).orElseThrow().verification().outcome().name())
        .isEqualTo("REJECTED");
    assertThat(f.origins.get(0).correlationId()).isEqualTo("corr-7");
  }

  @Test
  void aReportsFindingsAreCountedOnceThoughTheCommandIsDeliveredTwice() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(),
            AgentFixture.plan(
                List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(10_000))), "0.60", 0.9));
    List<VerificationReport> counted = new ArrayList<>();
    VerificationAgent agent = new VerificationAgent(f.context, Verifier.standard(), counted::add);
    Envelope command = f.command(MessageType.VERIFY_PLAN, "u1", new Payloads.VerifyPlan());

    agent.handle(command, f.origin);
    agent.handle(command, f.origin);

    assertThat(counted).hasSize(1);
    assertThat(counted.get(0).findings())
        .extracting(finding -> finding.code().name())
        .contains("MAX_CONTRIBUTION_EXCEEDED");
    assertThat(f.sent).as("both deliveries are answered").hasSize(2);
  }

  @Test
  void aCommandForAnotherUsersPlanIsPoison() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(), AgentFixture.plan(List.of(), "0.6", 0.9));
    VerificationAgent agent =
        new VerificationAgent(f.context, Verifier.standard(), VerificationMetrics.NONE);
    assertThatThrownBy(
            () ->
                agent.handle(
                    f.command(MessageType.VERIFY_PLAN, "intruder", new Payloads.VerifyPlan()),
                    f.origin))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("does not own");
    assertThatThrownBy(
            () ->
                agent.handle(
                    f.command(MessageType.EXECUTE_PLAN, "u1", new Payloads.ExecutePlan(false)),
                    f.origin))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("expected VerifyPlan");
    assertThat(f.sent).isEmpty();
  }
}
