package dev.finpilot.insight;

import static dev.finpilot.insight.ExplanationText.evidence;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.verification.Evidence;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What the plan's owner should do next, ranked, each tied to a rule, a number and the data behind
 * it (docs/insight.md section 5).
 *
 * <p>Ranking: tier 1 is the emergency fund and debt above the high-interest APR. Within it the
 * order is the research's: with less cash than the starter fund the emergency fund comes first;
 * with the starter fund in place the debt does, and the full fund follows. Tier 2 is the employer
 * match, tier 3 the tax-advantaged room, tier 4 the saving that lifts a low success probability,
 * tier 5 the verification findings still open (worst first). Within a kind, the larger dollar
 * figure ranks first.
 */
public final class Recommender {

  /** Findings another recommendation already speaks for. */
  private static final Set<RuleCode> COVERED =
      EnumSet.of(RuleCode.EMERGENCY_FUND_LOW, RuleCode.LOW_SUCCESS_PROBABILITY);

  private Recommender() {}

  public static List<Recommendation> recommend(PlanSubject subject) {
    VerificationPolicy policy = VerificationPolicy.defaults();
    RegulatoryTable table = RegulatoryTable.usDefault();
    RecommendedAccounts accounts = new RecommendedAccounts(subject);
    List<Recommendation> found = new ArrayList<>();
    RecommendedSafety.emergencyFund(subject, policy).ifPresent(found::add);
    found.addAll(RecommendedSafety.highInterestDebts(subject));
    accounts.employerMatch().ifPresent(found::add);
    if (table.supports(subject.request().taxYear())) {
      found.addAll(accounts.room(table.year(subject.request().taxYear())));
    }
    new RecommendedSaving(subject).recommend(policy).ifPresent(found::add);
    found.addAll(findings(subject));
    boolean starterFundInPlace =
        !subject
            .request()
            .state()
            .balance(AccountType.CASH)
            .isLessThan(policy.starterEmergencyFund());
    List<Recommendation> ranked = found.stream().sorted(order(starterFundInPlace)).toList();
    return IntStream.range(0, ranked.size()).mapToObj(i -> ranked.get(i).ranked(i + 1)).toList();
  }

  private static Comparator<Recommendation> order(boolean starterFundInPlace) {
    Comparator<Recommendation> tier = Comparator.comparingInt(r -> r.kind().tier());
    Comparator<Recommendation> safety =
        Comparator.comparingInt(
            r -> (r.kind() == Recommendation.Kind.EMERGENCY_FUND) == starterFundInPlace ? 1 : 0);
    Comparator<Recommendation> dollars =
        Comparator.comparing(
            Recommendation::amount, Comparator.nullsLast(Comparator.reverseOrder()));
    return tier.thenComparing(safety).thenComparing(Recommendation::kind).thenComparing(dollars);
  }

  /** Open findings (WARNING and worse) no other recommendation covers, worst first. */
  private static List<Recommendation> findings(PlanSubject subject) {
    if (subject.verification() == null) {
      return List.of();
    }
    return subject.verification().violations().stream()
        .filter(f -> !COVERED.contains(f.code()))
        .sorted(Comparator.comparing(Finding::severity).reversed())
        .map(Recommender::finding)
        .toList();
  }

  private static Recommendation finding(Finding f) {
    Evidence e = f.evidence();
    boolean dollars =
        e.unit() != Evidence.Unit.RATIO
            && e.unit() != Evidence.Unit.MONTHS
            && e.unit() != Evidence.Unit.YEARS
            && e.unit() != Evidence.Unit.COUNT;
    String source = "the version's verification";
    List<Fact> data =
        List.of(
            new Fact("severity", f.severity().name(), source),
            new Fact(e.measure(), evidence(e.actual(), e.unit()), source),
            new Fact("limit", evidence(e.limit(), e.unit()), f.source().text()));
    return new Recommendation(
        0,
        Recommendation.Kind.FINDING,
        f.code() + ": " + f.remediation(),
        f.message() + ". To clear it: " + f.remediation(),
        dollars ? Money.usd(e.actual().subtract(e.limit()).abs()) : null,
        dollars
            ? "dollars between the measured value and the limit"
            : e.measure() + " against its limit",
        f.code().name(),
        f.source(),
        data,
        null,
        "A finding is cleared by changing the plan, which a replan does; the projection alone"
            + " cannot show it.");
  }
}
