package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.execution.LedgerFixtures.CLOCK;
import static dev.finpilot.execution.LedgerFixtures.LIMITS;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.LedgerStore.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paging the ledger newest first, as the API lists it. */
class InMemoryLedgerStoreTest {
  private static final String OTHER = "user-2";

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Ledger ledger = new Ledger(store, LIMITS, CLOCK);

  /** Two executions: {@code a/0..a/2} (open, two deposits), then {@code b/0, b/1}. */
  private void fiveTransactions(String userId) {
    execute(userId, "a", new OpenAccountStep(CASH), deposit(1), deposit(2));
    execute(userId, "b", deposit(3), deposit(4));
  }

  private void execute(String userId, String key, LedgerStep... steps) {
    ledger.apply(ExecutionRequest.forPlan(userId, "plan-1", 1, key, List.of(steps))).orThrow();
  }

  private static DepositStep deposit(int dollars) {
    return new DepositStep(CASH, Money.usd(dollars));
  }

  private static List<String> ids(Page<Transaction> page) {
    return page.items().stream().map(Transaction::id).toList();
  }

  @Test
  void pagesGoNewestFirstAndEachCursorContinuesWhereThePreviousPageEnded() {
    fiveTransactions(USER);

    Page<Transaction> first = store.transactions(USER, 2, null);
    Page<Transaction> second = store.transactions(USER, 2, first.nextCursor());
    Page<Transaction> last = store.transactions(USER, 2, second.nextCursor());

    assertThat(ids(first)).containsExactly("b/1", "b/0");
    assertThat(ids(second)).containsExactly("a/2", "a/1");
    assertThat(ids(last)).containsExactly("a/0");
    assertThat(last.nextCursor()).isNull();
  }

  @Test
  void aPageAsLongAsWhatIsLeftIsTheLast() {
    fiveTransactions(USER);

    Page<Transaction> exact = store.transactions(USER, 5, null);
    Page<Transaction> roomy = store.transactions(USER, 200, null);

    assertThat(ids(exact)).containsExactly("b/1", "b/0", "a/2", "a/1", "a/0");
    assertThat(exact.nextCursor()).isNull();
    assertThat(roomy).isEqualTo(exact);
  }

  @Test
  void anEmptyLedgerIsOneEmptyLastPage() {
    Page<Transaction> page = store.transactions(USER, 10, null);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isNull();
    assertThat(store.transactions(USER)).isEmpty();
  }

  @Test
  void commitsBetweenPagesNeitherRepeatNorHideATransaction() {
    fiveTransactions(USER);
    Page<Transaction> first = store.transactions(USER, 2, null);

    execute(USER, "c", deposit(5));
    Page<Transaction> second = store.transactions(USER, 2, first.nextCursor());

    assertThat(ids(second)).containsExactly("a/2", "a/1");
    assertThat(ids(store.transactions(USER, 1, null))).containsExactly("c/0");
  }

  @Test
  void anotherUsersTransactionsNeverAppear() {
    fiveTransactions(USER);
    execute(OTHER, "x", new OpenAccountStep(CASH), deposit(9));

    List<String> seen = new ArrayList<>();
    Page<Transaction> page = store.transactions(OTHER, 1, null);
    seen.addAll(ids(page));
    while (page.nextCursor() != null) {
      page = store.transactions(OTHER, 1, page.nextCursor());
      seen.addAll(ids(page));
    }

    assertThat(seen).containsExactly("x/1", "x/0");
  }

  @Test
  void theFullReadIsEveryPageInCommitOrder() {
    fiveTransactions(USER);
    LedgerStore twoAtATime =
        new DelegatingStore(store) {
          @Override
          public Page<Transaction> transactions(String userId, int limit, String cursor) {
            return super.transactions(userId, 2, cursor);
          }
        };

    assertThat(twoAtATime.transactions(USER))
        .extracting(Transaction::id)
        .containsExactly("a/0", "a/1", "a/2", "b/0", "b/1");
    assertThat(store.transactions(USER)).isEqualTo(twoAtATime.transactions(USER));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "0", "-1", "+2", "6", "02", "9999999999"})
  void aCursorNotMadeForThisLedgerIsRefused(String cursor) {
    fiveTransactions(USER);

    assertThatThrownBy(() -> store.transactions(USER, 2, cursor))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void aCursorPastAShorterLedgerIsRefused() {
    fiveTransactions(USER);
    execute(OTHER, "x", new OpenAccountStep(CASH));
    String deep = store.transactions(USER, 1, null).nextCursor();

    assertThatThrownBy(() -> store.transactions(OTHER, 1, deep))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void aPageHoldsAtLeastOneTransaction() {
    assertThatThrownBy(() -> store.transactions(USER, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(InvalidCursorException.class);
  }
}
