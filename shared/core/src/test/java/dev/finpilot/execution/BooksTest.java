package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.execution.LedgerFixtures.CLOCK;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static dev.finpilot.execution.LedgerFixtures.VTI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The books enforce the invariants themselves, whatever transaction a step builds: these tests hand
 * them transactions no step would build.
 */
class BooksTest {

  private static Transaction txn(
      TransactionType type, AccountType account, List<Posting> postings) {
    return new Transaction(
        "t/0",
        "t",
        0,
        type,
        account,
        Money.usd(0),
        OptionalInt.empty(),
        Optional.empty(),
        CLOCK.instant(),
        "hand-made",
        postings);
  }

  private static Books open(AccountType... types) {
    Books books = Books.empty(USER, Money.USD);
    for (AccountType t : types) {
      books = books.apply(txn(TransactionType.OPEN_ACCOUNT, t, List.of()));
    }
    return books;
  }

  @Test
  void unitsCanNeverGoNegative() {
    Books books = open(TAXABLE_BROKERAGE);
    Transaction shortSale =
        txn(
            TransactionType.SELL,
            TAXABLE_BROKERAGE,
            List.of(
                Posting.cash(Book.of(TAXABLE_BROKERAGE), Money.usd(10)),
                Posting.units(
                    Book.of(TAXABLE_BROKERAGE), VTI, BigDecimal.ONE.negate(), Money.usd(-10))));

    assertThatThrownBy(() -> books.apply(shortSale))
        .isInstanceOfSatisfying(
            LedgerException.class,
            e -> assertThat(e.reason()).isEqualTo(LedgerException.Reason.INSUFFICIENT_HOLDINGS))
        .hasMessage("INSUFFICIENT_HOLDINGS: TAXABLE_BROKERAGE would hold -1 VTI, short by 1");
  }

  @Test
  void aPositionCannotBeClosedWithCostBasisLeftOver() {
    Books books =
        open(TAXABLE_BROKERAGE)
            .apply(
                txn(
                    TransactionType.BUY,
                    TAXABLE_BROKERAGE,
                    List.of(
                        Posting.cash(Book.EXTERNAL, Money.usd(-10)),
                        Posting.units(
                            Book.of(TAXABLE_BROKERAGE), VTI, BigDecimal.ONE, Money.usd(10)))));
    Transaction leaky =
        txn(
            TransactionType.SELL,
            TAXABLE_BROKERAGE,
            List.of(
                Posting.cash(Book.EXTERNAL, Money.usd(9)),
                Posting.units(
                    Book.of(TAXABLE_BROKERAGE), VTI, BigDecimal.ONE.negate(), Money.usd(-9))));

    assertThatThrownBy(() -> books.apply(leaky))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no units but a cost basis left");
  }

  @Test
  void onlyAnEmptyAccountsOpeningCanBeUndone() {
    Books books = open(CASH);
    Transaction opening = txn(TransactionType.OPEN_ACCOUNT, CASH, List.of());
    Books funded =
        books.apply(
            txn(
                TransactionType.DEPOSIT,
                CASH,
                Posting.move(Book.EXTERNAL, Book.of(CASH), Money.usd(1))));

    assertThatThrownBy(() -> funded.apply(opening.reversal(CLOCK.instant())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not empty");
    assertThatThrownBy(() -> Books.empty(USER, Money.USD).apply(opening.reversal(CLOCK.instant())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(books.apply(opening.reversal(CLOCK.instant())).accounts()).isEmpty();
  }

  private static Transaction contribution(String id, long dollars, int taxYear) {
    return new Transaction(
        id,
        "t",
        0,
        TransactionType.CONTRIBUTION,
        ROTH_IRA,
        Money.usd(dollars),
        OptionalInt.of(taxYear),
        Optional.empty(),
        CLOCK.instant(),
        "hand-made contribution",
        Posting.move(Book.EXTERNAL, Book.of(ROTH_IRA), Money.usd(dollars)));
  }

  @Test
  void aReversedContributionNoLongerCountsAgainstItsTaxYear() {
    Transaction first = contribution("t/1", 300, 2025);
    Transaction second = contribution("t/2", 200, 2025);
    Books books = open(ROTH_IRA).apply(first).apply(second).apply(contribution("t/3", 700, 2026));

    Books oneUndone = books.apply(second.reversal(CLOCK.instant()));
    Books bothUndone = oneUndone.apply(first.reversal(CLOCK.instant()));

    assertThat(books.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(500));
    assertThat(oneUndone.require(ROTH_IRA).contributed(2025)).isEqualTo(Money.usd(300));
    assertThat(oneUndone.require(ROTH_IRA).contributed(2026)).isEqualTo(Money.usd(700));
    assertThat(bothUndone.require(ROTH_IRA).contributionsByYear())
        .as("a year back at zero is not kept, so the account can be closed again once empty")
        .containsOnlyKeys(2026);
    assertThat(bothUndone.require(ROTH_IRA).cash()).isEqualTo(Money.usd(700));
  }
}
