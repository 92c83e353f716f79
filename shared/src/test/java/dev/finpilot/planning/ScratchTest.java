package dev.finpilot.planning;

import dev.finpilot.messaging.Json;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void show() {
    PlanningResult r = new Planner().plan(new Households().request());
    System.out.println(
        "STRATEGY "
            + r.strategy()
            + " passed="
            + r.passed()
            + " "
            + r.outcome()
            + " score="
            + r.score()
            + " conf="
            + r.confidence());
    for (Candidate c : r.candidates()) {
      System.out.println(
          "CAND "
              + c.strategy()
              + " "
              + c.status()
              + " "
              + c.score()
              + " p="
              + c.successProbability()
              + " "
              + c.reason());
      if (c.plan() != null) {
        System.out.println(
            "   "
                + c.plan().contributions()
                + " "
                + c.plan().debtPayments()
                + " ef="
                + c.plan().emergencyFundTarget());
      }
    }
    for (var n : r.trace().nodes()) System.out.println("NODE " + n);
    r.plan().steps().forEach(s -> System.out.println("STEP " + s));
    System.out.println(r.relaxations());
    System.out.println(Json.write(r).length());
  }
}
