package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Books;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRecord;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.LedgerStep;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.execution.Transaction;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger in the template's ledger table: whole executions, paging, and refused commits. */
@WithAwsBackend
class DynamoLedgerStoreIT {

  private final DynamoLedgerStore store;
  private final Ledger ledger;
  private final String userId = "user-" + UUID.randomUUID();

  DynamoLedgerStoreIT(Environment env) {
    this.store = new DynamoLedgerStore(env.dynamoDb(), env.tableName("LedgerTable"));
    this.ledger =
        new Ledger(
            store,
            (account, year) -> Optional.empty(),
            Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void anExecutionIsStoredWholeAndReadBack() {
    execute("a", new OpenAccountStep(AccountType.CASH), deposit(100), deposit(25));

    Books books = store.books(userId).orElseThrow();
    assertThat(books.version()).isEqualTo(1);
    assertThat(books.account(AccountType.CASH).orElseThrow().bookValue()).isEqualTo(Money.usd(125));
    assertThat(store.execution(userId, "a").orElseThrow().result().succeeded()).isTrue();
    assertThat(store.execution(userId, "b")).isEmpty();
    assertThat(store.transactions(userId))
        .extracting(Transaction::id)
        .containsExactly("a/0", "a/1", "a/2");
    assertThat(store.books("nobody")).isEmpty();
  }

  @Test
  void pagesGoNewestFirstAcrossExecutionsWithoutSkippingOrRepeating() {
    execute("a", new OpenAccountStep(AccountType.CASH), deposit(1), deposit(2));
    execute("b", deposit(3), deposit(4));

    LedgerStore.Page<Transaction> first = store.transactions(userId, 2, null);
    LedgerStore.Page<Transaction> second = store.transactions(userId, 2, first.nextCursor());
    LedgerStore.Page<Transaction> last = store.transactions(userId, 2, second.nextCursor());

    assertThat(ids(first)).containsExactly("b/1", "b/0");
    assertThat(ids(second)).containsExactly("a/2", "a/1");
    assertThat(ids(last)).containsExactly("a/0");
    assertThat(last.nextCursor()).isNull();
    assertThat(store.transactions(userId, 5, null).nextCursor()).isNull();
  }

  @Test
  void aCursorNotOfThisStoreAndAnEmptyPageAreRefused() {
    assertThatThrownBy(() -> store.transactions(userId, 2, "EXEC#a"))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> store.transactions(userId, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1, was 0");
  }

  @Test
  void aUsedKeyIsReportedBeforeAStaleVersion() {
    execute("a", new OpenAccountStep(AccountType.CASH), deposit(10));
    Books books = store.books(userId).orElseThrow();
    ExecutionRecord used = store.execution(userId, "a").orElseThrow();
    ExecutionRecord fresh = new ExecutionRecord("c", used.fingerprint(), used.result());

    assertThat(store.commit(new LedgerStore.Commit(0, books, used, List.of())))
        .isEqualTo(LedgerStore.CommitOutcome.KEY_ALREADY_USED);
    assertThat(store.commit(new LedgerStore.Commit(0, books, fresh, List.of())))
        .isEqualTo(LedgerStore.CommitOutcome.VERSION_CONFLICT);
    assertThat(store.execution(userId, "c")).isEmpty();
    assertThat(store.books(userId)).contains(books);
  }

  private void execute(String key, LedgerStep... steps) {
    ledger.apply(ExecutionRequest.forPlan(userId, "plan-1", 1, key, List.of(steps))).orThrow();
  }

  private static DepositStep deposit(int dollars) {
    return new DepositStep(AccountType.CASH, Money.usd(dollars));
  }

  private static List<String> ids(LedgerStore.Page<Transaction> page) {
    return page.items().stream().map(Transaction::id).toList();
  }
}
