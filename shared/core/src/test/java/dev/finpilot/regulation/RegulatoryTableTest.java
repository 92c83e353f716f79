package dev.finpilot.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegulatoryTableTest {

  private static final RegulatoryTable TABLE = RegulatoryTable.usDefault();

  private static Money usd(long dollars) {
    return Money.usd(dollars);
  }

  @Test
  void supportsExactly2025And2026AndRefusesOtherYearsByName() {
    assertThat(TABLE.supportedYears()).containsExactly(2025, 2026);
    assertThat(TABLE.supports(2025)).isTrue();
    assertThat(TABLE.supports(2024)).isFalse();
    assertThatThrownBy(() -> TABLE.year(2027))
        .isInstanceOf(UnknownTaxYearException.class)
        .hasMessage("taxYear: 2027 is not supported; supported tax years are [2025, 2026]")
        .satisfies(
            e -> {
              UnknownTaxYearException u = (UnknownTaxYearException) e;
              assertThat(u.taxYear()).isEqualTo(2027);
              assertThat(u.supportedYears()).containsExactly(2025, 2026);
            });
    assertThatThrownBy(() -> TABLE.year(2024)).isInstanceOf(UnknownTaxYearException.class);
  }

  @Test
  void defaultTableIsLoadedOnce() {
    assertThat(RegulatoryTable.usDefault()).isSameAs(TABLE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2025, 23500, 7500, 11250, 70000, 350000, 160000, 280000, notice_2024_80",
    "2026, 24500, 8000, 11250, 72000, 360000, 160000, 290000, notice_2025_67"
  })
  void employerPlanValuesWithSource(
      int year,
      long deferral,
      long catchUp50,
      long catchUp60to63,
      long additions,
      long compensation,
      long hce,
      long definedBenefit,
      String source) {
    EmployerPlanLimits plan = TABLE.year(year).employerPlan();
    assertThat(plan.electiveDeferral()).isEqualTo(usd(deferral));
    assertThat(plan.catchUp50()).isEqualTo(usd(catchUp50));
    assertThat(plan.catchUp60to63()).isEqualTo(usd(catchUp60to63));
    assertThat(plan.annualAdditions()).isEqualTo(usd(additions));
    assertThat(plan.compensationLimit()).isEqualTo(usd(compensation));
    assertThat(plan.highlyCompensatedThreshold()).isEqualTo(usd(hce));
    assertThat(plan.definedBenefitLimit()).isEqualTo(usd(definedBenefit));
    assertThat(plan.source().key()).isEqualTo(source);
    assertThat(plan.source().text()).startsWith("IRS Notice");
  }

  @Test
  void rothCatchUpWageThresholdExistsFrom2026Only() {
    assertThat(TABLE.year(2025).employerPlan().rothCatchUpWageThreshold()).isEmpty();
    assertThat(TABLE.year(2026).employerPlan().rothCatchUpWageThreshold()).contains(usd(150_000));
  }

  @ParameterizedTest(name = "{0} age {1} -> {2}")
  @CsvSource({
    "2025, 18, 23500",
    "2025, 49, 23500",
    "2025, 50, 31000",
    "2025, 59, 31000",
    "2025, 60, 34750",
    "2025, 63, 34750",
    "2025, 64, 31000",
    "2025, 80, 31000",
    "2026, 49, 24500",
    "2026, 50, 32500",
    "2026, 59, 32500",
    "2026, 60, 35750",
    "2026, 63, 35750",
    "2026, 64, 32500"
  })
  void employerPlanDeferralLimitByAgeAttainedByYearEnd(int year, int age, long expected) {
    Cited<Money> limit = TABLE.year(year).employerPlanDeferralLimit(age);
    assertThat(limit.value()).isEqualTo(usd(expected));
    assertThat(limit.source()).isEqualTo(TABLE.year(year).employerPlan().source());
  }

  @ParameterizedTest(name = "{0} age {1} -> {2}")
  @CsvSource({
    "2025, 49, 7000, notice_2024_80",
    "2025, 50, 8000, notice_2024_80",
    "2025, 70, 8000, notice_2024_80",
    "2026, 49, 7500, notice_2025_67",
    "2026, 50, 8600, notice_2025_67"
  })
  void iraLimitByAge(int year, int age, long expected, String source) {
    Cited<Money> limit = TABLE.year(year).iraLimit(age);
    assertThat(limit.value()).isEqualTo(usd(expected));
    assertThat(limit.source().key()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} {1} age {2} -> {3}")
  @CsvSource({
    "2025, SELF_ONLY, 54, 4300",
    "2025, SELF_ONLY, 55, 5300",
    "2025, FAMILY, 54, 8550",
    "2025, FAMILY, 55, 9550",
    "2025, NONE, 54, 0",
    "2025, NONE, 55, 0",
    "2026, SELF_ONLY, 54, 4400",
    "2026, SELF_ONLY, 55, 5400",
    "2026, FAMILY, 54, 8750",
    "2026, FAMILY, 55, 9750",
    "2026, NONE, 60, 0"
  })
  void hsaLimitByCoverageAndAge(int year, HsaCoverage coverage, int age, long expected) {
    Cited<Money> limit = TABLE.year(year).hsaLimit(coverage, age);
    assertThat(limit.value()).isEqualTo(usd(expected));
    assertThat(limit.source().key()).startsWith("rev_proc_");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2025, 1650, 3300, 8300, 16600, rev_proc_2024_25",
    "2026, 1700, 3400, 8500, 17000, rev_proc_2025_19"
  })
  void hdhpThresholds(
      int year, long dedSelf, long dedFamily, long oopSelf, long oopFamily, String source) {
    HsaLimits hsa = TABLE.year(year).hsa();
    assertThat(hsa.hdhpMinDeductibleSelf()).isEqualTo(usd(dedSelf));
    assertThat(hsa.hdhpMinDeductibleFamily()).isEqualTo(usd(dedFamily));
    assertThat(hsa.hdhpOutOfPocketMaxSelf()).isEqualTo(usd(oopSelf));
    assertThat(hsa.hdhpOutOfPocketMaxFamily()).isEqualTo(usd(oopFamily));
    assertThat(hsa.catchUp55()).isEqualTo(usd(1000));
    assertThat(hsa.catchUpAge()).isEqualTo(55);
    assertThat(hsa.source().key()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "2025, SINGLE, 150000, 165000",
    "2025, HEAD_OF_HOUSEHOLD, 150000, 165000",
    "2025, MARRIED_FILING_JOINTLY, 236000, 246000",
    "2025, MARRIED_FILING_SEPARATELY, 0, 10000",
    "2026, SINGLE, 153000, 168000",
    "2026, HEAD_OF_HOUSEHOLD, 153000, 168000",
    "2026, MARRIED_FILING_JOINTLY, 242000, 252000",
    "2026, MARRIED_FILING_SEPARATELY, 0, 10000"
  })
  void rothPhaseOutRanges(int year, FilingStatus status, long start, long end) {
    Cited<PhaseOut> range = TABLE.year(year).rothPhaseOut(status);
    assertThat(range.value()).isEqualTo(new PhaseOut(usd(start), usd(end)));
    assertThat(range.source().key()).isEqualTo(year == 2025 ? "notice_2024_80" : "notice_2025_67");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2025, 79000, 89000, 126000, 146000, 236000, 246000",
    "2026, 81000, 91000, 129000, 149000, 242000, 252000"
  })
  void traditionalIraDeductionPhaseOuts(
      int year, long s0, long s1, long c0, long c1, long p0, long p1) {
    TraditionalIraDeductionPhaseOuts t = TABLE.year(year).traditionalIraDeductionPhaseOuts();
    assertThat(t.singleCovered()).isEqualTo(new PhaseOut(usd(s0), usd(s1)));
    assertThat(t.marriedJointContributorCovered()).isEqualTo(new PhaseOut(usd(c0), usd(c1)));
    assertThat(t.marriedJointSpouseCovered()).isEqualTo(new PhaseOut(usd(p0), usd(p1)));
    assertThat(t.source().key()).startsWith("notice_");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "2025, SINGLE, 15750, obbba_2025",
    "2025, MARRIED_FILING_SEPARATELY, 15750, obbba_2025",
    "2025, MARRIED_FILING_JOINTLY, 31500, obbba_2025",
    "2025, HEAD_OF_HOUSEHOLD, 23625, obbba_2025",
    "2026, SINGLE, 16100, rev_proc_2025_32",
    "2026, MARRIED_FILING_JOINTLY, 32200, rev_proc_2025_32",
    "2026, HEAD_OF_HOUSEHOLD, 24150, rev_proc_2025_32"
  })
  void standardDeductions(int year, FilingStatus status, long expected, String source) {
    Cited<Money> deduction = TABLE.year(year).standardDeduction(status);
    assertThat(deduction.value()).isEqualTo(usd(expected));
    assertThat(deduction.source().key()).isEqualTo(source);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "2025, SINGLE, 11925, 48475, 103350, 197300, 250525, 626350",
    "2025, MARRIED_FILING_JOINTLY, 23850, 96950, 206700, 394600, 501050, 751600",
    "2026, SINGLE, 12400, 50400, 105700, 201775, 256225, 640600",
    "2026, MARRIED_FILING_JOINTLY, 24800, 100800, 211400, 403550, 512450, 768700"
  })
  void bracketEdgesAndRates(
      int year, FilingStatus status, long e10, long e12, long e22, long e24, long e32, long e35) {
    TaxBrackets brackets = TABLE.year(year).brackets(status).value();
    assertThat(brackets.scheduleOf()).isEqualTo(status);
    assertThat(brackets.brackets())
        .extracting(b -> b.rate().stripTrailingZeros().toPlainString())
        .containsExactly("0.1", "0.12", "0.22", "0.24", "0.32", "0.35", "0.37");
    assertThat(brackets.brackets())
        .extracting(b -> b.upTo().map(Money::toCents).orElse(-1L))
        .containsExactly(e10 * 100, e12 * 100, e22 * 100, e24 * 100, e32 * 100, e35 * 100, -1L);
    assertThat(TABLE.year(year).brackets(status).source().key())
        .isEqualTo(year == 2025 ? "rev_proc_2024_40" : "rev_proc_2025_32");
  }

  @Test
  void statusesWithoutTheirOwnScheduleSayWhichScheduleTheyUse() {
    TaxYearLimits y = TABLE.year(2025);
    assertThat(y.brackets(FilingStatus.HEAD_OF_HOUSEHOLD).value().scheduleOf())
        .isEqualTo(FilingStatus.SINGLE);
    assertThat(y.brackets(FilingStatus.MARRIED_FILING_SEPARATELY).value().scheduleOf())
        .isEqualTo(FilingStatus.SINGLE);
  }

  @Test
  void federalIncomeTaxUsesStandardDeductionAndBrackets() {
    TaxYearLimits y2025 = TABLE.year(2025);
    // 100,000 - 15,750 = 84,250 taxable: 1,192.50 + 4,386.00 + 7,870.50
    assertThat(y2025.federalIncomeTax(FilingStatus.SINGLE, usd(100_000))).isEqualTo(usd(13_449));
    assertThat(y2025.federalIncomeTax(FilingStatus.SINGLE, usd(15_750))).isEqualTo(usd(0));
    assertThat(y2025.federalIncomeTax(FilingStatus.SINGLE, usd(10_000))).isEqualTo(usd(0));
    // 2026 MFJ 200,000 - 32,200 = 167,800: 2,480 + 9,120 + 14,740
    assertThat(TABLE.year(2026).federalIncomeTax(FilingStatus.MARRIED_FILING_JOINTLY, usd(200_000)))
        .isEqualTo(usd(26_340));
    TaxBrackets single = y2025.brackets(FilingStatus.SINGLE).value();
    assertThat(single.marginalRate(usd(11_925))).isEqualByComparingTo("0.10");
    assertThat(single.marginalRate(Money.usd("11925.01"))).isEqualByComparingTo("0.12");
    assertThat(single.marginalRate(usd(1_000_000))).isEqualByComparingTo("0.37");
    // top bracket: 626,350 taxed through 35%, the rest at 37%
    assertThat(single.taxOn(usd(726_350))).isEqualTo(single.taxOn(usd(626_350)).plus(usd(37_000)));
  }

  @Test
  void earlyWithdrawalRulesWithSource() {
    EarlyWithdrawalRules rules = TABLE.ageRules().earlyWithdrawal();
    assertThat(rules.penaltyRate()).isEqualByComparingTo("0.10");
    assertThat(rules.penaltyFreeAge()).isEqualByComparingTo("59.5");
    assertThat(rules.hardshipIsException()).isFalse();
    assertThat(rules.ruleOf55Age()).isEqualTo(55);
    assertThat(rules.ruleOf55()).contains("employer plans only");
    assertThat(rules.firstHomeIraLifetimeCap()).isEqualTo(usd(10_000));
    assertThat(rules.birthOrAdoptionCap()).isEqualTo(usd(5_000));
    assertThat(rules.emergencyPersonalExpenseAnnualCap()).isEqualTo(usd(1_000));
    assertThat(rules.source().key()).isEqualTo("irc_72t");
    assertThat(rules.source().text()).contains("72(t)");
    assertThat(rules.isEarly(59)).isTrue();
    assertThat(rules.isEarly(60)).isFalse();
  }

  @Test
  void ageRulesCarryCatchUpBasisAndRmdCohorts() {
    AgeRules rules = TABLE.ageRules();
    assertThat(rules.catchUpAgeBasis()).contains("December 31");
    assertThat(rules.hsaCatchUpAge()).isEqualTo(55);
    assertThat(rules.rmdApplicableAge(1951).value()).isEqualTo(73);
    assertThat(rules.rmdApplicableAge(1959).value()).isEqualTo(73);
    assertThat(rules.rmdApplicableAge(1960).value()).isEqualTo(75);
    assertThat(rules.rmdApplicableAge(1990).value()).isEqualTo(75);
    assertThat(rules.rmdApplicableAge(1960).source().key()).isEqualTo("secure2");
    assertThat(rules.rmdNote()).contains("1959");
    assertThatThrownBy(() -> rules.rmdApplicableAge(1950))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("birthYear: 1950");
  }

  @Test
  void securitiesRulesWithSources() {
    SecuritiesRules s = TABLE.securitiesRules();
    assertThat(s.initialMargin().requirement()).isEqualByComparingTo("0.50");
    assertThat(s.initialMargin().maxLeverage()).isEqualByComparingTo("2");
    assertThat(s.initialMargin().source().key()).isEqualTo("reg_t");
    assertThat(s.patternDayTrader().dayTrades()).isEqualTo(4);
    assertThat(s.patternDayTrader().businessDays()).isEqualTo(5);
    assertThat(s.patternDayTrader().minimumEquity()).isEqualTo(usd(25_000));
    assertThat(s.patternDayTrader().source().text()).contains("FINRA Rule 4210");
    assertThat(s.accreditedInvestor().incomeIndividual()).isEqualTo(usd(200_000));
    assertThat(s.accreditedInvestor().incomeJoint()).isEqualTo(usd(300_000));
    assertThat(s.accreditedInvestor().netWorthExcludingPrimaryResidence())
        .isEqualTo(usd(1_000_000));
    assertThat(s.accreditedInvestor().source().text()).contains("Rule 501");
  }

  @Test
  void everySourceOfTheFileIsResolvable() {
    assertThat(TABLE.citations())
        .containsKeys(
            "notice_2024_80",
            "rev_proc_2024_25",
            "rev_proc_2024_40",
            "obbba_2025",
            "notice_2025_67",
            "rev_proc_2025_19",
            "rev_proc_2025_32",
            "secure2",
            "irc_72t",
            "reg_t",
            "finra_4210",
            "sec_reg_d_501");
    assertThat(TABLE.citations().get("notice_2025_67").toString())
        .isEqualTo("IRS Notice 2025-67 / IR-2025-111 (2026 retirement limits)");
  }

  @Test
  void agesOutsideLifeAreRefused() {
    TaxYearLimits y = TABLE.year(2025);
    assertThatThrownBy(() -> y.iraLimit(-1)).hasMessage("age: must be between 0 and 130, was -1");
    assertThatThrownBy(() -> y.employerPlanDeferralLimit(131))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> y.hsaLimit(HsaCoverage.FAMILY, 200))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
