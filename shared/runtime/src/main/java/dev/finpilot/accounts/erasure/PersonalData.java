package dev.finpilot.accounts.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything FinPilot keeps about one account, in every table: what the export reads and the
 * erasure deletes. An implementation knows each table's layout; this side knows only the order.
 */
public interface PersonalData {

  /** The owner of the account's profile, whether or not it is being erased; empty once erased. */
  Optional<AccountOwner> owner(String userId);

  /**
   * Marks the profile as being erased: from then on the account cannot sign in, and nothing new is
   * made for it, while what is left of it can still be found and erased.
   */
  void markErasing(String userId, Instant at);

  /**
   * Every item of the owner, by table (the template's logical id), secrets such as the password
   * hash left out. Each item is a JSON-ready map of its attributes.
   */
  Map<String, List<Map<String, Object>>> items(AccountOwner owner);

  /** Deletes every item of the owner in every table and index except the profile; repeatable. */
  void eraseAllButProfile(AccountOwner owner);

  /** Deletes the profile: the last step, after which the account no longer exists. */
  void deleteProfile(String userId);
}
