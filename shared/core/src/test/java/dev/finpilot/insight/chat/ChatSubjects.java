package dev.finpilot.insight.chat;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningResult;
import java.util.List;

/**
 * Plan versions planned by the real planner for the shared typical household (35 on 2026-01-05):
 * retirement at 65 (goal date 2056-01-05) and a $60,000 house on 2031-01-05.
 */
final class ChatSubjects {
  static final PlanSubject RETIREMENT = subject(FinancialStateFixtures.request());
  static final PlanSubject HOUSE =
      subject(
          new PlanningRequest(
              FinancialStateFixtures.typical(),
              List.of(
                  new Goal(
                      GoalType.HOME_PURCHASE,
                      Money.usd(60_000),
                      ValueBasis.TODAYS_DOLLARS,
                      FinancialStateFixtures.AS_OF.plusYears(5),
                      1,
                      "a house")),
              2026,
              FinancialStateFixtures.AS_OF));

  private ChatSubjects() {}

  private static PlanSubject subject(PlanningRequest request) {
    PlanningResult result = new Planner().plan(request);
    return PlanSubject.of(1, request, result, null, MarketSnapshot.historical());
  }
}
