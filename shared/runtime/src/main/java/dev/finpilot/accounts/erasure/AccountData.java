package dev.finpilot.accounts.erasure;

import dev.finpilot.auth.AuditLog;
import dev.finpilot.auth.LiveConnections;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's rights over what FinPilot holds about them: to take it all out (the export) and to
 * have it all erased.
 *
 * <p>Erasure runs in an order that a crash at any point leaves repeatable: the profile is marked
 * first (the account can no longer sign in or start a plan, so nothing new appears), the open
 * WebSocket connections are closed, every other item goes, and the profile goes last. Until then
 * the profile still names the owner, so running the erasure again finds and finishes what is left;
 * once it is gone, the account's access tokens are refused everywhere.
 */
public final class AccountData {
  private final PersonalData data;
  private final LiveConnections connections;
  private final AuditLog audit;
  private final Clock clock;

  public AccountData(PersonalData data, LiveConnections connections, AuditLog audit, Clock clock) {
    this.data = Objects.requireNonNull(data, "data");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Everything held about the account, or empty if there is no such account. */
  public Optional<Export> export(String userId) {
    return data.owner(userId).map(owner -> new Export(userId, clock.instant(), data.items(owner)));
  }

  /**
   * All FinPilot holds about one account, table by table.
   *
   * @param tables the items of each table that are the account's, by the template's logical id
   */
  public record Export(
      String userId, Instant exportedAt, Map<String, List<Map<String, Object>>> tables) {}

  /**
   * Erases the account and everything of it; an account already erased is left as it is.
   *
   * @return whether there was anything to erase
   */
  public boolean erase(String userId, String correlationId) {
    Optional<AccountOwner> owner = data.owner(userId);
    if (owner.isEmpty()) {
      return false;
    }
    data.markErasing(userId, clock.instant());
    int closed = connections.closeAll(userId);
    data.eraseAllButProfile(owner.get());
    data.deleteProfile(userId);
    audit.record(
        AuditLog.Event.ACCOUNT_ERASED,
        userId,
        correlationId,
        Map.of("connectionsClosed", Integer.toString(closed)));
    return true;
  }
}
