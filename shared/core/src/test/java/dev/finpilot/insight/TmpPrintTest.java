package dev.finpilot.insight;

import org.junit.jupiter.api.Test;

class TmpPrintTest {
  @Test
  void print() {
    PlanSubject s = new RecommendHouseholds().cash(0).card(6_000, "0.24", 180).subject();
    System.out.println("=====EXPL\n" + Explainer.explain(s).text());
    for (Recommendation r : Recommender.recommend(s)) {
      System.out.println("=====REC " + r);
    }
    RecommendHouseholds h = new RecommendHouseholds().cash(20_000);
    h.retirementTarget = dev.finpilot.domain.Money.usd(4_000_000);
    for (Recommendation r : Recommender.recommend(h.subject())) {
      System.out.println("=====REC2 " + r);
    }
  }
}
