package dev.finpilot.regulation;

import static dev.finpilot.regulation.JsonFields.array;
import static dev.finpilot.regulation.JsonFields.bool;
import static dev.finpilot.regulation.JsonFields.decimal;
import static dev.finpilot.regulation.JsonFields.integer;
import static dev.finpilot.regulation.JsonFields.object;
import static dev.finpilot.regulation.JsonFields.phaseOut;
import static dev.finpilot.regulation.JsonFields.text;
import static dev.finpilot.regulation.JsonFields.usd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Maps the data file's JSON tree onto the typed table. */
final class RegulatoryTableParser {
  private final JsonFields fields;
  private final JsonNode root;

  private RegulatoryTableParser(JsonNode root, Map<String, Citation> citations) {
    this.root = root;
    this.fields = new JsonFields(citations);
  }

  static RegulatoryTable parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new RegulatoryDataException("$: a JSON object is required");
    }
    Map<String, Citation> citations = citations(object(root, "sources", "$"));
    return new RegulatoryTableParser(root, citations).table(citations);
  }

  private static Map<String, Citation> citations(JsonNode sources) {
    Map<String, Citation> citations = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = sources.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      citations.put(e.getKey(), new Citation(e.getKey(), text(sources, e.getKey(), "$.sources")));
    }
    return citations;
  }

  private RegulatoryTable table(Map<String, Citation> citations) {
    AgeRules ageRules = ageRules(object(root, "ageRules", "$"));
    JsonNode years = object(root, "years", "$");
    TreeMap<Integer, TaxYearLimits> byYear = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = years.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int year;
      try {
        year = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw new RegulatoryDataException("$.years." + e.getKey() + ": key must be a year", ex);
      }
      byYear.put(year, year(year, object(years, e.getKey(), "$.years"), ageRules));
    }
    if (byYear.isEmpty()) {
      throw new RegulatoryDataException("$.years: at least one tax year is required");
    }
    SecuritiesRules securities = securities(object(root, "securitiesRules", "$"));
    return new RegulatoryTable(byYear, ageRules, securities, citations);
  }

  private TaxYearLimits year(int year, JsonNode node, AgeRules ageRules) {
    String path = "$.years." + year;
    return new TaxYearLimits(
        year,
        employerPlan(object(node, "employerPlan", path), path + ".employerPlan"),
        ira(object(node, "ira", path), path + ".ira"),
        hsa(object(node, "hsa", path), path + ".hsa", ageRules.hsaCatchUpAge()),
        roth(object(node, "rothIraPhaseOut", path), path + ".rothIraPhaseOut"),
        traditional(
            object(node, "tradIraDeductionPhaseOut", path), path + ".tradIraDeductionPhaseOut"),
        standardDeductions(object(node, "standardDeduction", path), path + ".standardDeduction"),
        incomeTax(object(node, "brackets", path), path + ".brackets"));
  }

  private EmployerPlanLimits employerPlan(JsonNode n, String path) {
    Optional<Money> rothCatchUpThreshold =
        n.has("rothCatchUpWageThreshold")
            ? Optional.of(usd(n, "rothCatchUpWageThreshold", path))
            : Optional.empty();
    return new EmployerPlanLimits(
        usd(n, "electiveDeferral", path),
        usd(n, "catchUp50", path),
        usd(n, "catchUp60to63", path),
        usd(n, "annualAdditions415c", path),
        usd(n, "compensationLimit", path),
        usd(n, "hceThreshold", path),
        usd(n, "definedBenefit", path),
        rothCatchUpThreshold,
        fields.citation(n, "source", path));
  }

  private IraLimits ira(JsonNode n, String path) {
    return new IraLimits(
        usd(n, "contribution", path),
        usd(n, "catchUp50", path),
        fields.citation(n, "source", path));
  }

  private HsaLimits hsa(JsonNode n, String path, int catchUpAge) {
    JsonNode deductible = object(n, "hdhpMinDeductible", path);
    JsonNode oop = object(n, "hdhpOopMax", path);
    return new HsaLimits(
        usd(n, "selfOnly", path),
        usd(n, "family", path),
        usd(n, "catchUp55", path),
        catchUpAge,
        usd(deductible, "self", path + ".hdhpMinDeductible"),
        usd(deductible, "family", path + ".hdhpMinDeductible"),
        usd(oop, "self", path + ".hdhpOopMax"),
        usd(oop, "family", path + ".hdhpOopMax"),
        fields.citation(n, "source", path));
  }

  private RothIraPhaseOuts roth(JsonNode n, String path) {
    return new RothIraPhaseOuts(
        phaseOut(n, "single", path),
        phaseOut(n, "marriedJoint", path),
        phaseOut(n, "marriedSeparate", path),
        fields.citation(n, "source", path));
  }

  private TraditionalIraDeductionPhaseOuts traditional(JsonNode n, String path) {
    return new TraditionalIraDeductionPhaseOuts(
        phaseOut(n, "singleCovered", path),
        phaseOut(n, "marriedJointContributorCovered", path),
        phaseOut(n, "marriedJointSpouseCovered", path),
        fields.citation(n, "source", path));
  }

  private StandardDeductions standardDeductions(JsonNode n, String path) {
    return new StandardDeductions(
        usd(n, "single", path),
        usd(n, "marriedJoint", path),
        usd(n, "headOfHousehold", path),
        fields.citation(n, "source", path));
  }

  private IncomeTaxSchedules incomeTax(JsonNode n, String path) {
    return new IncomeTaxSchedules(
        brackets(FilingStatus.SINGLE, array(n, "single", path), path + ".single"),
        brackets(
            FilingStatus.MARRIED_FILING_JOINTLY,
            array(n, "marriedJoint", path),
            path + ".marriedJoint"),
        fields.citation(n, "source", path));
  }

  private static TaxBrackets brackets(FilingStatus status, JsonNode rows, String path) {
    List<TaxBrackets.Bracket> brackets = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String where = path + "[" + i + "]";
      BigDecimal rate = decimal(row, "rate", where);
      if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
        throw new RegulatoryDataException(where + ".rate: must be between 0 and 1");
      }
      JsonNode upTo = row.get("upTo");
      Optional<Money> edge =
          upTo == null || upTo.isNull() ? Optional.empty() : Optional.of(usd(row, "upTo", where));
      brackets.add(new TaxBrackets.Bracket(rate, edge));
    }
    try {
      return new TaxBrackets(status, brackets);
    } catch (IllegalArgumentException e) {
      throw new RegulatoryDataException(path + ": " + e.getMessage(), e);
    }
  }

  private AgeRules ageRules(JsonNode n) {
    String path = "$.ageRules";
    List<AgeRules.RmdCohort> cohorts = new ArrayList<>();
    JsonNode rows = array(n, "rmdApplicableAge", path);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String where = path + ".rmdApplicableAge[" + i + "]";
      JsonNode bornTo = row.get("bornTo");
      cohorts.add(
          new AgeRules.RmdCohort(
              integer(row, "bornFrom", where),
              bornTo == null || bornTo.isNull()
                  ? OptionalInt.empty()
                  : OptionalInt.of(integer(row, "bornTo", where)),
              integer(row, "age", where)));
    }
    if (cohorts.isEmpty()) {
      throw new RegulatoryDataException(
          path + ".rmdApplicableAge: at least one cohort is required");
    }
    return new AgeRules(
        earlyWithdrawal(object(n, "earlyWithdrawalPenalty", path)),
        text(n, "catchUpAgeBasis", path),
        integer(n, "hsaCatchUpAge", path),
        cohorts,
        fields.citation(n, "rmdSource", path),
        text(n, "rmdNote", path));
  }

  private EarlyWithdrawalRules earlyWithdrawal(JsonNode n) {
    String path = "$.ageRules.earlyWithdrawalPenalty";
    JsonNode caps = object(n, "exceptionCaps", path);
    String capsPath = path + ".exceptionCaps";
    return new EarlyWithdrawalRules(
        decimal(n, "rate", path),
        decimal(n, "beforeAge", path),
        bool(n, "hardshipIsException", path),
        integer(n, "ruleOf55Age", path),
        text(n, "ruleOf55", path),
        usd(caps, "firstHomeIraLifetime", capsPath),
        usd(caps, "birthOrAdoptionPerEvent", capsPath),
        usd(caps, "emergencyPersonalExpensePerYear", capsPath),
        fields.citation(n, "source", path));
  }

  private SecuritiesRules securities(JsonNode n) {
    String path = "$.securitiesRules";
    JsonNode margin = object(n, "initialMargin", path);
    JsonNode pdt = object(n, "patternDayTrader", path);
    JsonNode accredited = object(n, "accreditedInvestor", path);
    BigDecimal requirement = decimal(margin, "requirement", path + ".initialMargin");
    if (requirement.signum() <= 0 || requirement.compareTo(BigDecimal.ONE) > 0) {
      throw new RegulatoryDataException(
          path + ".initialMargin.requirement: must be above 0 and at most 1");
    }
    return new SecuritiesRules(
        new SecuritiesRules.InitialMargin(
            requirement, fields.citation(margin, "source", path + ".initialMargin")),
        new SecuritiesRules.PatternDayTrader(
            integer(pdt, "dayTrades", path + ".patternDayTrader"),
            integer(pdt, "businessDays", path + ".patternDayTrader"),
            usd(pdt, "minimumEquity", path + ".patternDayTrader"),
            fields.citation(pdt, "source", path + ".patternDayTrader")),
        new SecuritiesRules.AccreditedInvestor(
            usd(accredited, "incomeIndividual", path + ".accreditedInvestor"),
            usd(accredited, "incomeJoint", path + ".accreditedInvestor"),
            usd(accredited, "netWorthExcludingPrimaryResidence", path + ".accreditedInvestor"),
            fields.citation(accredited, "source", path + ".accreditedInvestor")));
  }
}
