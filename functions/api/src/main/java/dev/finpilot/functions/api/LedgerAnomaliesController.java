package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.execution.AnomalyReport;
import dev.finpilot.execution.LedgerAnomalies;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.Transaction;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.regulation.RegulatoryTable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unusual activity in the caller's ledger ({@link LedgerAnomalies}): read from their newest
 * transactions, at most {@link #MAX_TRANSACTIONS} of them a page at a time, and, when they have an
 * ACTIVE plan, checked against that plan's scheduled contributions and the year's limits.
 */
@Controller("/v1/ledger")
final class LedgerAnomaliesController {
  /**
   * How much history is read: enough for a user's own medians and daily rate and for a year of
   * monthly contributions to every account many times over, in at most five queries.
   */
  static final int MAX_TRANSACTIONS = 1_000;

  private final LedgerStore ledger;
  private final InsightSubjects subjects;
  private final Gate gate;
  private final Clock clock;

  LedgerAnomaliesController(LedgerStore ledger, InsightSubjects subjects, Gate gate, Clock clock) {
    this.ledger = ledger;
    this.subjects = subjects;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * @param planId the ACTIVE plan whose contributions were checked; absent without one
   * @param version its version in force
   * @param historyTruncated whether older transactions than those read exist
   */
  record AnomalyCheck(
      String planId,
      Integer version,
      boolean historyTruncated,
      @JsonUnwrapped AnomalyReport report) {}

  @Get("/anomalies")
  HttpResponse<String> anomalies(APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    List<Transaction> read = new ArrayList<>();
    String cursor = null;
    do {
      LedgerStore.Page<Transaction> page =
          ledger.transactions(
              userId, Math.min(LedgerController.MAX_PAGE, MAX_TRANSACTIONS - read.size()), cursor);
      read.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null && read.size() < MAX_TRANSACTIONS);
    Optional<PlanRecord> plan = subjects.latestActive(userId);
    Optional<PlanVersion> version = plan.map(subjects::versionInForce);
    List<Contribution> scheduled = version.map(v -> v.plan().contributions()).orElse(List.of());
    FinancialState household =
        version.map(v -> v.requestOr(plan.orElseThrow().request()).state()).orElse(null);
    AnomalyReport report =
        LedgerAnomalies.find(
            read, scheduled, household, RegulatoryTable.usDefault(), LocalDate.now(clock));
    return Responses.json(
        HttpStatus.OK,
        new AnomalyCheck(
            plan.map(PlanRecord::planId).orElse(null),
            version.map(PlanVersion::version).orElse(null),
            cursor != null,
            report));
  }
}
