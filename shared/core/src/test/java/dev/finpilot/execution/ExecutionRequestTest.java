package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.HSA;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.domain.AccountType.TRADITIONAL_IRA;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static dev.finpilot.execution.LedgerFixtures.VTI;
import static dev.finpilot.execution.LedgerFixtures.plan;
import static dev.finpilot.execution.LedgerFixtures.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionRequestTest {

  private static List<String> fields(ExecutionRequest request) {
    return request.validate(Money.USD).stream().map(FieldError::field).toList();
  }

  private static List<FieldError> errors(LedgerStep step) {
    return step.validate("steps[0]", Money.USD);
  }

  @Test
  void aWellFormedRequestHasNoErrors() {
    ExecutionRequest request =
        plan(
            "plan-1#v1#execute",
            new OpenAccountStep(CASH),
            new DepositStep(CASH, Money.usd(10)),
            new WithdrawalStep(CASH, Money.usd(1)),
            new FeeStep(CASH, Money.usd(1), "fee"),
            new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(1)),
            new ContributionStep(ROTH_IRA, Money.usd(1), 2025, Book.of(CASH)),
            new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd(1)),
            new SellStep(TAXABLE_BROKERAGE, "VTI", qty("1"), Money.usd(1)));
    assertThat(request.validate(Money.USD)).isEmpty();
  }

  @Test
  void requestFieldsAreNamedWhenMissingOrMalformed() {
    ExecutionRequest request = new ExecutionRequest(" ", null, 0, "has space", List.of(), false);
    assertThat(fields(request)).containsExactly("userId", "planId", "idempotencyKey", "steps");
    assertThat(fields(new ExecutionRequest(USER, "p", 1, null, null, false)))
        .containsExactly("idempotencyKey", "steps");
  }

  @Test
  void planVersionMustMatchWhetherThereIsAPlan() {
    assertThat(
            fields(
                new ExecutionRequest(
                    USER, "plan-1", 0, "k", List.of(new OpenAccountStep(CASH)), false)))
        .containsExactly("planVersion");
    assertThat(
            fields(
                new ExecutionRequest(USER, "", 2, "k", List.of(new OpenAccountStep(CASH)), false)))
        .containsExactly("planVersion");
    assertThat(fields(ExecutionRequest.single(USER, "k", new OpenAccountStep(CASH)))).isEmpty();
  }

  @Test
  void stepCountIsBoundedForOneAtomicWrite() {
    List<LedgerStep> many =
        new ArrayList<>(Collections.nCopies(ExecutionRequest.MAX_STEPS, new OpenAccountStep(CASH)));
    assertThat(fields(ExecutionRequest.forPlan(USER, "p", 1, "k", many))).isEmpty();
    many.add(new OpenAccountStep(CASH));
    assertThat(fields(ExecutionRequest.forPlan(USER, "p", 1, "k", many))).containsExactly("steps");
  }

  @Test
  void aNullStepIsNamedByItsIndex() {
    List<LedgerStep> steps = new ArrayList<>();
    steps.add(new OpenAccountStep(CASH));
    steps.add(null);
    assertThat(fields(ExecutionRequest.forPlan(USER, "p", 1, "k", steps)))
        .containsExactly("steps[1]");
  }

  @Test
  void invalidRequestsAreRefusedBeforeAnythingIsPosted() {
    Ledger ledger = LedgerFixtures.fundedLedger("100.00");
    int logSize = ledger.transactions(USER).size();
    assertThatThrownBy(
            () ->
                ledger.apply(
                    plan(
                        "k",
                        new WithdrawalStep(CASH, Money.usd(1)),
                        new DepositStep(CASH, Money.usd(-5)))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("steps[1].amount: must be positive, was -5.00");
    assertThat(ledger.transactions(USER)).hasSize(logSize);
  }

  @Test
  void depositsAndTransfersCannotSlipMoneyPastContributionLimits() {
    assertThat(errors(new DepositStep(ROTH_IRA, Money.usd(1))))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("use a contribution step"));
    assertThat(errors(new TransferStep(CASH, HSA, Money.usd(1))))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("steps[0].to");
              assertThat(e.message()).contains("is a contribution");
            });
    assertThat(errors(new TransferStep(TRADITIONAL_IRA, ROTH_IRA, Money.usd(1)))).isEmpty();
    assertThat(errors(new TransferStep(CASH, CASH, Money.usd(1))))
        .extracting(FieldError::message)
        .containsExactly("must differ from the source account CASH");
  }

  @Test
  void contributionsMustGoIntoTaxAdvantagedAccountsFromOutsideThem() {
    assertThat(errors(ContributionStep.fromOutside(TAXABLE_BROKERAGE, Money.usd(1), 2025)))
        .extracting(FieldError::field)
        .containsExactly("steps[0].account");
    assertThat(errors(new ContributionStep(ROTH_IRA, Money.usd(1), 2025, Book.of(HSA))))
        .extracting(FieldError::field)
        .containsExactly("steps[0].source");
    assertThat(errors(new ContributionStep(ROTH_IRA, Money.usd(1), 1999, null)))
        .extracting(FieldError::field)
        .containsExactly("steps[0].taxYear", "steps[0].source");
    assertThat(errors(ContributionStep.fromOutside(null, null, 2025)))
        .extracting(FieldError::field)
        .containsExactly("steps[0].account", "steps[0].amount");
  }

  @Test
  void tradesNeedASecuritiesAccountATickerAPositiveQuantityAndAValue() {
    assertThat(errors(new BuyStep(CASH, VTI, qty("1"), Money.usd(1))))
        .extracting(FieldError::message)
        .containsExactly("a CASH account cannot hold securities");
    assertThat(
            errors(
                new BuyStep(
                    TAXABLE_BROKERAGE,
                    Asset.security("vti", AssetClass.US_LARGE_CAP),
                    qty("0.123456789"),
                    Money.usd(1))))
        .extracting(FieldError::field)
        .containsExactly("steps[0].asset.symbol", "steps[0].quantity");
    assertThat(errors(new BuyStep(TAXABLE_BROKERAGE, Asset.CASH, qty("1"), Money.usd(1))))
        .extracting(FieldError::field)
        .containsExactly("steps[0].asset.symbol");
    assertThat(errors(new BuyStep(TAXABLE_BROKERAGE, VTI, qty("0.001"), Money.usd("1.00"))))
        .extracting(FieldError::message)
        .containsExactly("trade value rounds to zero at a price of 1.00");
    assertThat(errors(new SellStep(TAXABLE_BROKERAGE, "VTI", qty("-1"), Money.usd(0))))
        .extracting(FieldError::field)
        .containsExactly("steps[0].quantity", "steps[0].price");
    assertThat(errors(new SellStep(null, null, null, null)))
        .extracting(FieldError::field)
        .containsExactly(
            "steps[0].account", "steps[0].symbol", "steps[0].quantity", "steps[0].price");
    assertThat(errors(new BuyStep(TAXABLE_BROKERAGE, null, qty("1"), Money.usd(1))))
        .extracting(FieldError::field)
        .containsExactly("steps[0].asset");
  }

  @Test
  void feesNeedAReason() {
    assertThat(errors(new FeeStep(CASH, Money.usd(1), " ")))
        .extracting(FieldError::field)
        .containsExactly("steps[0].reason");
    assertThat(errors(new FeeStep(CASH, Money.usd(1), "x".repeat(201))))
        .extracting(FieldError::field)
        .containsExactly("steps[0].reason");
    assertThat(errors(new OpenAccountStep(null)))
        .extracting(FieldError::field)
        .containsExactly("steps[0].account");
  }

  @Test
  void theFingerprintIgnoresTrailingZerosAndTheDryRunFlag() {
    ExecutionRequest a =
        plan("k", new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1.50"), Money.usd("240")));
    ExecutionRequest b =
        plan("k", new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1.5"), Money.usd("240.00")));
    assertThat(a).isEqualTo(b);
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64);
    assertThat(a.asDryRun().fingerprint()).isEqualTo(a.fingerprint());
  }

  @Test
  void theFingerprintChangesWithAnyStepFieldOrThePlanVersion() {
    String base = plan("k", new FeeStep(CASH, Money.usd(1), "a")).fingerprint();
    assertThat(plan("k", new FeeStep(CASH, Money.usd(2), "a")).fingerprint()).isNotEqualTo(base);
    assertThat(plan("k", new FeeStep(CASH, Money.usd(1), "b")).fingerprint()).isNotEqualTo(base);
    assertThat(
            ExecutionRequest.forPlan(
                    USER, "plan-1", 2, "k", List.of(new FeeStep(CASH, Money.usd(1), "a")))
                .fingerprint())
        .isNotEqualTo(base);
    assertThat(plan("k", ContributionStep.fromOutside(ROTH_IRA, Money.usd(1), 2025)).fingerprint())
        .isNotEqualTo(
            plan("k", ContributionStep.fromOutside(ROTH_IRA, Money.usd(1), 2026)).fingerprint());
  }

  @Test
  void anOpeningThatRefusesKeepsItsTextAndOneUnlessOpenHasItsOwn() {
    assertThat(new OpenAccountStep(HSA).canonical()).isEqualTo("OPEN|HSA");
    assertThat(OpenAccountStep.unlessOpen(HSA).canonical()).isEqualTo("OPEN|HSA|UNLESS-OPEN");
    assertThat(plan("k", OpenAccountStep.unlessOpen(HSA)).fingerprint())
        .isNotEqualTo(plan("k", new OpenAccountStep(HSA)).fingerprint());
    assertThat(OpenAccountStep.unlessOpen(HSA).describe())
        .isEqualTo(new OpenAccountStep(HSA).describe());
  }

  @Test
  void stepsDescribeThemselvesForStatements() {
    assertThat(new OpenAccountStep(HSA).describe()).isEqualTo("open HSA account");
    assertThat(new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(5)).describe())
        .isEqualTo("transfer USD 5.00 from CASH to TAXABLE_BROKERAGE");
    assertThat(ContributionStep.fromOutside(ROTH_IRA, Money.usd(5), 2025).describe())
        .isEqualTo("contribute USD 5.00 to ROTH_IRA for 2025 from EXTERNAL");
    assertThat(new BuyStep(TAXABLE_BROKERAGE, VTI, qty("2.50"), Money.usd(5)).describe())
        .isEqualTo("buy 2.5 VTI at USD 5.00 in TAXABLE_BROKERAGE");
    assertThat(new SellStep(TAXABLE_BROKERAGE, "VTI", qty("2"), Money.usd(5)).describe())
        .isEqualTo("sell 2 VTI at USD 5.00 in TAXABLE_BROKERAGE");
    assertThat(new DepositStep(CASH, Money.usd(5)).describe())
        .isEqualTo("deposit USD 5.00 into CASH");
  }
}
