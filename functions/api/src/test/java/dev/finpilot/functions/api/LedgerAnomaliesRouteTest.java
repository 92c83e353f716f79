package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.LedgerStep;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/ledger/anomalies}: the caller's own ledger, checked with their own history. */
class LedgerAnomaliesRouteTest extends HandlerHarness {
  static final String PATH = "/v1/ledger/anomalies";

  private int executions;

  private void execute(String userId, LedgerStep... steps) {
    new Ledger(ledger, (account, year) -> Optional.empty(), clock)
        .apply(
            ExecutionRequest.forPlan(userId, "plan-1", 1, "exec-" + executions++, List.of(steps)))
        .orThrow();
    clock.advance(Duration.ofDays(1));
  }

  private static LedgerStep deposit(long dollars) {
    return new DepositStep(AccountType.CASH, Money.usd(dollars));
  }

  private JsonNode anomalies(String userId) {
    APIGatewayV2HTTPResponse response = get(userId, PATH);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return body(response);
  }

  @Test
  void anAmountFarAboveTheUsersOwnIsFlaggedWithItsNumbers() {
    execute(USER, new OpenAccountStep(AccountType.CASH));
    for (int i = 0; i < 12; i++) {
      execute(USER, deposit(100 + i));
    }
    execute(USER, deposit(5_000));

    JsonNode report = anomalies(USER);

    assertThat(report.path("transactionsRead").asInt()).isEqualTo(14);
    assertThat(report.path("historyTruncated").asBoolean()).isFalse();
    assertThat(report.has("planId")).isFalse();
    JsonNode flagged = report.path("anomalies").get(0);
    assertThat(flagged.path("kind").asText()).isEqualTo("UNUSUAL_AMOUNT");
    assertThat(flagged.path("amount").path("amount").decimalValue()).isEqualByComparingTo("5000");
    assertThat(flagged.path("reason").asText()).isNotBlank();
    assertThat(report.path("notChecked").toString()).contains("plan");
  }

  @Test
  void aUserWithoutHistorySeesNothingFlaggedAndWhyNothingCouldBeChecked() {
    JsonNode report = anomalies(USER);

    assertThat(report.path("transactionsRead").asInt()).isZero();
    assertThat(report.path("anomalies")).isEmpty();
    assertThat(report.path("notChecked")).isNotEmpty();
  }

  @Test
  void theContributionsOfTheActivePlanAreCheckedAgainstTheYearsLimits() {
    PlanRecord plan = new PlanSeeds(plans).active(USER, NOW);

    JsonNode report = anomalies(USER);

    assertThat(report.path("planId").asText()).isEqualTo(plan.planId());
    assertThat(report.path("version").asInt()).isEqualTo(1);
    assertThat(report.path("notChecked").toString()).doesNotContain("no plan");
  }

  @Test
  void onlyTheCallersLedgerIsReadAndACallerIsNeeded() {
    account("someone-else");
    execute("someone-else", new OpenAccountStep(AccountType.CASH), deposit(9_999));

    JsonNode mine = anomalies(USER);

    assertThat(mine.path("transactionsRead").asInt()).isZero();
    assertThat(mine.toString()).doesNotContain("9999");
    problem(call(HttpApiEvents.get(PATH)), 401, "unauthenticated");
  }
}
