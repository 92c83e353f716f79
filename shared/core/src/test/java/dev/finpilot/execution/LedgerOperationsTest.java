package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.EDUCATION_529;
import static dev.finpilot.domain.AccountType.EMPLOYER_401K;
import static dev.finpilot.domain.AccountType.EMPLOYER_403B;
import static dev.finpilot.domain.AccountType.HSA;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.domain.AccountType.TRADITIONAL_IRA;
import static dev.finpilot.execution.LedgerFixtures.BND;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static dev.finpilot.execution.LedgerFixtures.VTI;
import static dev.finpilot.execution.LedgerFixtures.cash;
import static dev.finpilot.execution.LedgerFixtures.fundedLedger;
import static dev.finpilot.execution.LedgerFixtures.ledger;
import static dev.finpilot.execution.LedgerFixtures.qty;
import static dev.finpilot.execution.LedgerFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.LedgerException.Reason;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerOperationsTest {

  private static Reason refusal(ExecutionResult result) {
    assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
    return result.failure().orElseThrow().reason();
  }

  private static void assertConserved(Ledger ledger) {
    Books books = ledger.books(USER);
    assertThat(books.internalBookValue().plus(books.external()).isZero()).isTrue();
  }

  @Nested
  class Accounts {
    @Test
    void opensAnEmptyAccountOncePerType() {
      Ledger ledger = ledger();
      run(ledger, "k1", new OpenAccountStep(HSA)).orThrow();

      LedgerAccount hsa = ledger.books(USER).require(HSA);
      assertThat(hsa.cash()).isEqualTo(Money.usd(0));
      assertThat(hsa.holdings()).isEmpty();
      assertThat(refusal(run(ledger, "k2", new OpenAccountStep(HSA))))
          .isEqualTo(Reason.ACCOUNT_ALREADY_OPEN);
    }

    @Test
    void anOpeningUnlessOpenPostsNothingForAnOpenAccountAndIsNotUndoneWithTheOthers() {
      Ledger ledger = fundedLedger("50.00");
      Books before = ledger.books(USER);

      ExecutionResult result =
          run(
              ledger,
              "k1",
              OpenAccountStep.unlessOpen(CASH),
              OpenAccountStep.unlessOpen(HSA),
              new WithdrawalStep(CASH, Money.usd(60)));

      assertThat(refusal(result)).isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(result.failure().orElseThrow().stepIndex()).isEqualTo(2);
      assertThat(result.transactions()).extracting(Transaction::id).containsExactly("k1/1");
      assertThat(result.compensations())
          .extracting(Transaction::id)
          .containsExactly("k1/1/reversal");
      assertThat(ledger.books(USER).accounts()).isEqualTo(before.accounts());
    }

    @Test
    void refusesStepsOnAccountsThatWereNeverOpened() {
      Ledger ledger = ledger();
      ExecutionResult result = run(ledger, "k1", new DepositStep(CASH, Money.usd(10)));

      assertThat(refusal(result)).isEqualTo(Reason.UNKNOWN_ACCOUNT);
      assertThat(result.failure().orElseThrow().detail()).isEqualTo("no CASH account is open");
      assertThatThrownBy(() -> ledger.books(USER).require(CASH))
          .isInstanceOf(LedgerException.class)
          .hasMessage("UNKNOWN_ACCOUNT: no CASH account is open");
    }

    @Test
    void newUsersHaveEmptyBooksInTheLedgerCurrency() {
      Books books = ledger().books("nobody");
      assertThat(books.accounts()).isEmpty();
      assertThat(books.version()).isZero();
      assertThat(books.currency()).isEqualTo(Money.USD);
    }
  }

  @Nested
  class DepositsAndWithdrawals {
    @Test
    void depositMovesMoneyFromTheOutsideWorld() {
      Ledger ledger = fundedLedger("2500.00");
      ExecutionResult result = run(ledger, "d1", new DepositStep(CASH, Money.usd("100.10")));

      Transaction t = result.orThrow().transactions().get(0);
      assertThat(t.id()).isEqualTo("d1/0");
      assertThat(t.type()).isEqualTo(TransactionType.DEPOSIT);
      assertThat(t.amount()).isEqualTo(Money.usd("100.10"));
      assertThat(t.postings())
          .containsExactly(
              Posting.cash(Book.EXTERNAL, Money.usd("-100.10")),
              Posting.cash(Book.of(CASH), Money.usd("100.10")));
      assertThat(cash(ledger, CASH)).isEqualTo(Money.usd("2600.10"));
      assertThat(ledger.books(USER).external()).isEqualTo(Money.usd("-2600.10"));
      assertConserved(ledger);
    }

    @Test
    void withdrawalMayEmptyTheAccountExactlyButNeverOverdraw() {
      Ledger ledger = fundedLedger("500.00");
      ExecutionResult overdraft = run(ledger, "w1", new WithdrawalStep(CASH, Money.usd("500.01")));

      assertThat(refusal(overdraft)).isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(overdraft.failure().orElseThrow().detail())
          .isEqualTo("CASH cash would be -0.01, short by 0.01");
      assertThat(cash(ledger, CASH)).isEqualTo(Money.usd("500.00"));

      run(ledger, "w2", new WithdrawalStep(CASH, Money.usd("500.00"))).orThrow();
      assertThat(cash(ledger, CASH).isZero()).isTrue();
      assertConserved(ledger);
    }

    @Test
    void theUpstreamMillionDollarWithdrawalFromAnEmptyAccountIsRefused() {
      Ledger ledger = fundedLedger("9000.00");
      ExecutionResult result =
          run(ledger, "w", new WithdrawalStep(TAXABLE_BROKERAGE, Money.usd(1_000_000)));
      assertThat(refusal(result)).isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(cash(ledger, TAXABLE_BROKERAGE).isZero()).isTrue();
    }

    @Test
    void feesLeaveForTheOutsideWorldAndCannotOverdraw() {
      Ledger ledger = fundedLedger("10.00");
      run(ledger, "f1", new FeeStep(CASH, Money.usd("2.50"), "wire fee")).orThrow();

      assertThat(cash(ledger, CASH)).isEqualTo(Money.usd("7.50"));
      assertThat(ledger.books(USER).external()).isEqualTo(Money.usd("-7.50"));
      assertThat(refusal(run(ledger, "f2", new FeeStep(CASH, Money.usd("7.51"), "advice fee"))))
          .isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(ledger.transactions(USER))
          .filteredOn(t -> t.id().equals("f1/0"))
          .singleElement()
          .extracting(Transaction::description)
          .isEqualTo("fee USD 2.50 from CASH (wire fee)");
    }
  }

  @Nested
  class Contributions {
    @Test
    void anIraContributionOfTheFullLimitIsAcceptedAndOneCentMoreIsNot() {
      Ledger ledger = fundedLedger("0");
      run(ledger, "c1", ContributionStep.fromOutside(ROTH_IRA, Money.usd("7000.00"), 2025))
          .orThrow();
      ExecutionResult extra =
          run(ledger, "c2", ContributionStep.fromOutside(ROTH_IRA, Money.usd("0.01"), 2025));

      assertThat(refusal(extra)).isEqualTo(Reason.CONTRIBUTION_LIMIT_EXCEEDED);
      assertThat(extra.failure().orElseThrow().detail())
          .isEqualTo(
              "2025 contributions to TRADITIONAL_IRA + ROTH_IRA would reach 7000.01, above the"
                  + " annual limit of 7000.00 (7000.00 already contributed, 0.00 left)");
      assertThat(ledger.books(USER).require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(7000));
    }

    @Test
    void aHundredThousandDollarIraContributionIsRefusedAndThreeThousandIsNot() {
      Ledger ledger = fundedLedger("0");
      ExecutionResult big =
          run(ledger, "c1", ContributionStep.fromOutside(ROTH_IRA, Money.usd(100_000), 2025));
      assertThat(refusal(big)).isEqualTo(Reason.CONTRIBUTION_LIMIT_EXCEEDED);

      run(ledger, "c2", ContributionStep.fromOutside(ROTH_IRA, Money.usd(3_000), 2025)).orThrow();
      assertThat(cash(ledger, ROTH_IRA)).isEqualTo(Money.usd(3_000));
    }

    @Test
    void traditionalAndRothIrasShareOneLimit() {
      Ledger ledger = fundedLedger("0");
      run(
              ledger,
              "c1",
              new OpenAccountStep(TRADITIONAL_IRA),
              ContributionStep.fromOutside(TRADITIONAL_IRA, Money.usd(4_000), 2025),
              ContributionStep.fromOutside(ROTH_IRA, Money.usd(3_000), 2025))
          .orThrow();

      ExecutionResult over =
          run(ledger, "c2", ContributionStep.fromOutside(TRADITIONAL_IRA, Money.usd("0.01"), 2025));
      assertThat(refusal(over)).isEqualTo(Reason.CONTRIBUTION_LIMIT_EXCEEDED);
    }

    @Test
    void eachTaxYearHasItsOwnLimit() {
      Ledger ledger = fundedLedger("0");
      run(
              ledger,
              "c1",
              ContributionStep.fromOutside(ROTH_IRA, Money.usd(7_000), 2025),
              ContributionStep.fromOutside(ROTH_IRA, Money.usd(7_500), 2026))
          .orThrow();

      LedgerAccount roth = ledger.books(USER).require(ROTH_IRA);
      assertThat(roth.contributed(2025)).isEqualTo(Money.usd(7_000));
      assertThat(roth.contributed(2026)).isEqualTo(Money.usd(7_500));
      assertThat(roth.contributed(2024).isZero()).isTrue();
    }

    @Test
    void employerPlansShareTheDeferralLimit() {
      Ledger ledger = ledger();
      ExecutionResult result =
          run(
              ledger,
              "c1",
              new OpenAccountStep(EMPLOYER_401K),
              new OpenAccountStep(EMPLOYER_403B),
              ContributionStep.fromOutside(EMPLOYER_401K, Money.usd(20_000), 2025),
              ContributionStep.fromOutside(EMPLOYER_403B, Money.usd(3_501), 2025));
      assertThat(refusal(result)).isEqualTo(Reason.CONTRIBUTION_LIMIT_EXCEEDED);
      assertThat(result.failure().orElseThrow().stepIndex()).isEqualTo(3);
    }

    @Test
    void a529PlanHasNoFederalAnnualLimitSoItsContributionsAreNotCappedInAnyYear() {
      Ledger ledger = fundedLedger("0");
      ExecutionResult result =
          run(
              ledger,
              "c1",
              new OpenAccountStep(EDUCATION_529),
              ContributionStep.fromOutside(EDUCATION_529, Money.usd(90_000), 2026),
              ContributionStep.fromOutside(EDUCATION_529, Money.usd(500), 2031));
      assertThat(result.failure()).isEmpty();
      assertThat(ledger.books(USER).require(EDUCATION_529).cash()).isEqualTo(Money.usd(90_500));
    }

    @Test
    void aYearWithoutAKnownLimitIsRefusedRatherThanGuessed() {
      Ledger ledger = fundedLedger("0");
      ExecutionResult result =
          run(ledger, "c1", ContributionStep.fromOutside(ROTH_IRA, Money.usd(100), 2031));
      assertThat(refusal(result)).isEqualTo(Reason.NO_CONTRIBUTION_LIMIT);
      assertThat(result.failure().orElseThrow().detail())
          .isEqualTo("no 2031 contribution limit is known for ROTH_IRA");
    }

    @Test
    void aContributionFromTheUsersCashAccountIsFundedFromItAndCannotOverdrawIt() {
      Ledger ledger = fundedLedger("5000.00");
      run(ledger, "c1", new ContributionStep(ROTH_IRA, Money.usd(3_000), 2025, Book.of(CASH)))
          .orThrow();

      assertThat(cash(ledger, CASH)).isEqualTo(Money.usd(2_000));
      assertThat(cash(ledger, ROTH_IRA)).isEqualTo(Money.usd(3_000));
      assertThat(ledger.books(USER).external()).isEqualTo(Money.usd(-5_000));

      ExecutionResult short_ =
          run(ledger, "c2", new ContributionStep(ROTH_IRA, Money.usd(2_001), 2025, Book.of(CASH)));
      assertThat(refusal(short_)).isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(ledger.books(USER).require(ROTH_IRA).contributed(2025))
          .isEqualTo(Money.usd(3_000));
    }

    @Test
    void aLimitThatDoesNotCoverTheAccountIsAPortBug() {
      ContributionLimits wrong =
          (account, year) ->
              java.util.Optional.of(ContributionLimit.of(Money.usd(100), TRADITIONAL_IRA));
      Ledger ledger = new Ledger(new InMemoryLedgerStore(), wrong, LedgerFixtures.CLOCK);
      run(ledger, "o", new OpenAccountStep(ROTH_IRA)).orThrow();

      assertThatThrownBy(
              () -> run(ledger, "c", ContributionStep.fromOutside(ROTH_IRA, Money.usd(1), 2025)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("does not cover it");
    }
  }

  @Nested
  class Transfers {
    @Test
    void transferMovesCashBetweenOwnAccountsWithoutTouchingTheOutsideWorld() {
      Ledger ledger = fundedLedger("1000.00");
      run(ledger, "t1", new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd("250.25"))).orThrow();

      assertThat(cash(ledger, CASH)).isEqualTo(Money.usd("749.75"));
      assertThat(cash(ledger, TAXABLE_BROKERAGE)).isEqualTo(Money.usd("250.25"));
      assertThat(ledger.books(USER).external()).isEqualTo(Money.usd("-1000.00"));
    }

    @Test
    void transferCannotOverdrawTheSource() {
      Ledger ledger = fundedLedger("100.00");
      assertThat(
              refusal(run(ledger, "t1", new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(101)))))
          .isEqualTo(Reason.INSUFFICIENT_FUNDS);
    }

    @Test
    void aRolloverBetweenTaxAdvantagedAccountsDoesNotCountAsAContribution() {
      Ledger ledger = fundedLedger("0");
      run(
              ledger,
              "r1",
              new OpenAccountStep(TRADITIONAL_IRA),
              ContributionStep.fromOutside(TRADITIONAL_IRA, Money.usd(5_000), 2025),
              new TransferStep(TRADITIONAL_IRA, ROTH_IRA, Money.usd(5_000)))
          .orThrow();

      Books books = ledger.books(USER);
      assertThat(books.require(ROTH_IRA).cash()).isEqualTo(Money.usd(5_000));
      assertThat(books.require(ROTH_IRA).contributed(2025).isZero()).isTrue();
      assertThat(books.require(TRADITIONAL_IRA).contributed(2025)).isEqualTo(Money.usd(5_000));
    }
  }

  @Nested
  class Trades {
    @Test
    void buyTurnsCashIntoAHoldingAtCostRoundedHalfEven() {
      Ledger ledger = fundedLedger("1000.00");
      run(ledger, "t", new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(1000))).orThrow();
      ExecutionResult result =
          run(
              ledger,
              "b1",
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("0.333333"), Money.usd("100.00")));

      assertThat(result.orThrow().transactions().get(0).amount()).isEqualTo(Money.usd("33.33"));
      LedgerAccount taxable = ledger.books(USER).require(TAXABLE_BROKERAGE);
      assertThat(taxable.cash()).isEqualTo(Money.usd("966.67"));
      Holding vti = taxable.holding("VTI").orElseThrow();
      assertThat(vti.quantity()).isEqualByComparingTo("0.333333");
      assertThat(vti.costBasis()).isEqualTo(Money.usd("33.33"));
      assertThat(taxable.bookValue()).isEqualTo(Money.usd("1000.00"));
      assertConserved(ledger);
    }

    @Test
    void buyingForAnAmountNeverSpendsMoreThanTheAmount() {
      BuyStep buy =
          BuyStep.forAmount(TAXABLE_BROKERAGE, VTI, Money.usd("1000.00"), Money.usd("240.00"));
      assertThat(buy.quantity()).isEqualByComparingTo("4.166666");
      assertThat(buy.price().times(buy.quantity())).isEqualTo(Money.usd("1000.00"));

      BuyStep odd =
          BuyStep.forAmount(TAXABLE_BROKERAGE, VTI, Money.usd("10.00"), Money.usd("3.00"));
      assertThat(odd.quantity()).isEqualByComparingTo("3.333333");
      assertThat(odd.price().times(odd.quantity())).isEqualTo(Money.usd("10.00"));
    }

    @Test
    void buyCannotSpendMoreCashThanTheAccountHolds() {
      Ledger ledger = fundedLedger("1000.00");
      run(ledger, "t", new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(100))).orThrow();
      ExecutionResult result =
          run(ledger, "b", new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("100.01")));
      assertThat(refusal(result)).isEqualTo(Reason.INSUFFICIENT_FUNDS);
      assertThat(ledger.books(USER).require(TAXABLE_BROKERAGE).holdings()).isEmpty();
    }

    @Test
    void aSymbolKeepsTheAssetClassItWasFirstBoughtUnder() {
      Ledger ledger = fundedLedger("1000.00");
      run(
              ledger,
              "b1",
              new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(1000)),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd(200)))
          .orThrow();
      ExecutionResult result =
          run(
              ledger,
              "b2",
              new BuyStep(
                  TAXABLE_BROKERAGE,
                  Asset.security("VTI", AssetClass.US_SMALL_CAP),
                  qty("1"),
                  Money.usd(200)));
      assertThat(refusal(result)).isEqualTo(Reason.ASSET_CLASS_MISMATCH);
    }

    @Test
    void buyInAnAccountThatIsNotOpenIsRefused() {
      Ledger ledger = fundedLedger("1000.00");
      ExecutionResult result =
          run(ledger, "b", new BuyStep(HSA, VTI, qty("1"), Money.usd("10.00")));
      assertThat(refusal(result)).isEqualTo(Reason.UNKNOWN_ACCOUNT);
    }

    @Test
    void sellRemovesAverageCostAndPostsTheGainAgainstTheOutsideWorld() {
      Ledger ledger = fundedLedger("1000.00");
      run(
              ledger,
              "b",
              new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(1000)),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("3"), Money.usd("100.00")))
          .orThrow();
      ExecutionResult sale =
          run(ledger, "s", new SellStep(TAXABLE_BROKERAGE, "VTI", qty("1"), Money.usd("120.00")));

      Transaction t = sale.orThrow().transactions().get(0);
      assertThat(t.amount()).isEqualTo(Money.usd("120.00"));
      assertThat(t.postings())
          .containsExactly(
              Posting.cash(Book.of(TAXABLE_BROKERAGE), Money.usd("120.00")),
              Posting.units(Book.of(TAXABLE_BROKERAGE), VTI, qty("-1"), Money.usd("-100.00")),
              Posting.cash(Book.EXTERNAL, Money.usd("-20.00")));
      LedgerAccount taxable = ledger.books(USER).require(TAXABLE_BROKERAGE);
      assertThat(taxable.cash()).isEqualTo(Money.usd("820.00"));
      assertThat(taxable.holding("VTI").orElseThrow().costBasis()).isEqualTo(Money.usd("200.00"));
      assertConserved(ledger);
    }

    @Test
    void aLossIsPostedToo() {
      Ledger ledger = fundedLedger("100.00");
      run(
              ledger,
              "b",
              new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(100)),
              new BuyStep(TAXABLE_BROKERAGE, BND, qty("1"), Money.usd("75.00")),
              new SellStep(TAXABLE_BROKERAGE, "BND", qty("1"), Money.usd("70.00")))
          .orThrow();
      Books books = ledger.books(USER);
      assertThat(books.require(TAXABLE_BROKERAGE).cash()).isEqualTo(Money.usd("95.00"));
      assertThat(books.external()).isEqualTo(Money.usd("-95.00"));
    }

    @Test
    void closingAPositionRemovesTheWholeRemainingBasisSoNoCentIsLeftBehind() {
      Ledger ledger = fundedLedger("200.00");
      run(
              ledger,
              "b",
              new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(200)),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("33.33")),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("33.33")),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("33.34")),
              new SellStep(TAXABLE_BROKERAGE, "VTI", qty("1"), Money.usd("33.34")))
          .orThrow();
      // 100.00 x 1/3 = 33.333.. -> 33.33 removed; the last two units keep 66.67.
      Holding left = ledger.books(USER).require(TAXABLE_BROKERAGE).holding("VTI").orElseThrow();
      assertThat(left.costBasis()).isEqualTo(Money.usd("66.67"));

      run(ledger, "s2", new SellStep(TAXABLE_BROKERAGE, "VTI", qty("2"), Money.usd("50.00")))
          .orThrow();
      LedgerAccount taxable = ledger.books(USER).require(TAXABLE_BROKERAGE);
      assertThat(taxable.holdings()).isEmpty();
      assertThat(taxable.cash()).isEqualTo(Money.usd("233.34"));
      assertConserved(ledger);
    }

    @Test
    void averageCostOfAPartialSaleIsRoundedHalfEven() {
      Ledger ledger = fundedLedger("10.00");
      run(
              ledger,
              "b",
              new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(10)),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("0.12")),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("0.13")),
              new SellStep(TAXABLE_BROKERAGE, "VTI", qty("1"), Money.usd("1.00")))
          .orThrow();
      // 0.25 x 1/2 = 0.125: half-even removes 0.12 (half-up would remove 0.13).
      Holding left = ledger.books(USER).require(TAXABLE_BROKERAGE).holding("VTI").orElseThrow();
      assertThat(left.costBasis()).isEqualTo(Money.usd("0.13"));
      assertThat(ledger.books(USER).external()).isEqualTo(Money.usd("-10.88"));
    }

    @Test
    void sellingMoreThanHeldOrSomethingNotHeldIsRefused() {
      Ledger ledger = fundedLedger("100.00");
      run(
              ledger,
              "b",
              new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(100)),
              new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1.5"), Money.usd("10.00")))
          .orThrow();

      ExecutionResult tooMany =
          run(
              ledger,
              "s1",
              new SellStep(TAXABLE_BROKERAGE, "VTI", qty("1.50000001"), Money.usd(10)));
      assertThat(refusal(tooMany)).isEqualTo(Reason.INSUFFICIENT_HOLDINGS);
      assertThat(tooMany.failure().orElseThrow().detail())
          .isEqualTo("TAXABLE_BROKERAGE holds 1.5 VTI, cannot sell 1.50000001");

      ExecutionResult none =
          run(ledger, "s2", new SellStep(TAXABLE_BROKERAGE, "BND", qty("1"), Money.usd(10)));
      assertThat(none.failure().orElseThrow().detail()).isEqualTo("TAXABLE_BROKERAGE holds no BND");
    }
  }

  @Test
  void everyTransactionBalancesAndAnUnbalancedOneCannotBeBuilt() {
    Ledger ledger = fundedLedger("50.00");
    for (Transaction t : ledger.transactions(USER)) {
      BigDecimal sum =
          t.postings().stream()
              .map(p -> p.amount().amount())
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).isEqualByComparingTo("0");
    }
    assertThatThrownBy(
            () ->
                new Transaction(
                    "x/0",
                    "x",
                    0,
                    TransactionType.DEPOSIT,
                    CASH,
                    Money.usd(1),
                    java.util.OptionalInt.empty(),
                    java.util.Optional.empty(),
                    LedgerFixtures.CLOCK.instant(),
                    "bad",
                    List.of(Posting.cash(Book.of(CASH), Money.usd(1)))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("do not balance");
  }

  @Test
  void aTransactionInAnotherCurrencyThanItsPostingsIsRejected() {
    Money rupee = Money.of(BigDecimal.ONE, Money.INR);
    assertThatThrownBy(
            () ->
                new Transaction(
                    "x/0",
                    "x",
                    0,
                    TransactionType.DEPOSIT,
                    CASH,
                    Money.usd(1),
                    java.util.OptionalInt.empty(),
                    java.util.Optional.empty(),
                    LedgerFixtures.CLOCK.instant(),
                    "bad",
                    Posting.move(Book.EXTERNAL, Book.of(CASH), rupee)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("currency");
  }

  @Test
  void aReversalIsNeverReversedAgain() {
    Ledger ledger = fundedLedger("50.00");
    Transaction reversal =
        ledger.transactions(USER).get(0).reversal(LedgerFixtures.CLOCK.instant());
    assertThat(reversal.reversalOf()).contains("setup/0");
    assertThatThrownBy(() -> reversal.reversal(LedgerFixtures.CLOCK.instant()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void contributionLimitsAreCheckedForSense() {
    assertThatThrownBy(() -> ContributionLimit.of(Money.usd(-1), ROTH_IRA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ContributionLimit(Money.usd(1), java.util.Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
