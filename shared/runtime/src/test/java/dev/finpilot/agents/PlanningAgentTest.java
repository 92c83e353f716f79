package dev.finpilot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.plans.PlanVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanningAgentTest {

  @Test
  void storesTheVersionOnceAndAnswersARedeliveryFromIt() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(), AgentFixture.plan(List.of(), "0.6", 0.9));
    PlanningAgent agent =
        new PlanningAgent(f.context, new Planner(), PlanningOptions.defaults().withPaths(500));
    Envelope command =
        Envelope.create(
            MessageType.GENERATE_PLAN,
            "p1",
            2,
            "u1",
            new Payloads.GeneratePlan(1, List.of()),
            AgentFixture.NOW);

    agent.handle(command, f.origin);
    PlanVersion stored = f.plans.findVersion("p1", 2).orElseThrow();
    agent.handle(command, f.origin);

    assertThat(f.plans.findVersion("p1", 2).orElseThrow()).isEqualTo(stored);
    assertThat(stored.reasoning().trace().nodes().size()).isGreaterThan(5);
    assertThat(stored.projection()).isNotNull();
    Payloads.PlanGenerated first = f.sent.get(0).payloadAs(Payloads.PlanGenerated.class);
    assertThat(first).isEqualTo(f.sent.get(1).payloadAs(Payloads.PlanGenerated.class));
    assertThat(first.strategy()).isEqualTo(stored.reasoning().strategy().name());
    assertThat(first.successProbability()).isBetween(0.0, 1.0);
    assertThat(f.sent.get(0).planVersion()).isEqualTo(2);
  }

  @Test
  void aLaterRoundReplansAgainstTheFindings() {
    AgentFixture f =
        new AgentFixture(
            FinancialStateFixtures.request(), AgentFixture.plan(List.of(), "0.6", 0.9));
    PlanningAgent agent =
        new PlanningAgent(f.context, new Planner(), PlanningOptions.defaults().withPaths(500));
    agent.handle(
        Envelope.create(
            MessageType.GENERATE_PLAN,
            "p1",
            2,
            "u1",
            new Payloads.GeneratePlan(
                2,
                List.of(
                    new FindingToResolve(
                        "RISK_TOLERANCE_MISMATCH", "ERROR", "equity above the cap"))),
            AgentFixture.NOW),
        f.origin);
    assertThat(f.plans.findVersion("p1", 2).orElseThrow().reasoning().round()).isEqualTo(2);
  }
}
