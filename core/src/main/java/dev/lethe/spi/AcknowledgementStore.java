package dev.lethe.spi;

import dev.lethe.internal.participants.InMemoryAcknowledgementStore;
import dev.lethe.rights.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's record of where each participant stands with each change passed on to it (Art.
 * 17(2), 19, 5(2)): written when the notice is, in the same transaction, and moved by the
 * participants' receipts and the outbox's dead notices. Several replicas may update it at once: a
 * settled entry (acknowledged or closed) never moves again. Implementations must pass {@code
 * AcknowledgementStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface AcknowledgementStore {

  /** Adds {@code pending} unless an entry with its notice key exists: notifying twice expects one receipt. */
  void expect(RecipientAcknowledgement pending);

  /** The entry of the notice with {@code noticeKey}. */
  Optional<RecipientAcknowledgement> find(String noticeKey);

  /**
   * Replaces the entry of {@code updated}'s notice key with {@code updated}, unless that entry is
   * settled.
   *
   * @return whether it was replaced
   */
  boolean update(RecipientAcknowledgement updated);

  /**
   * Keeps {@code section}, the participant's report of the subject's data (Art. 15), with the entry of
   * {@code noticeKey} until the coordinator assembles the report: the only personal data the store
   * holds, and only that long.
   *
   * @return whether the entry exists
   */
  boolean attachSection(String noticeKey, String section);

  /** The sections kept for {@code requestId}, by participant, earliest expected first. */
  java.util.Map<String, String> sections(RequestId requestId);

  /** Removes every section kept for {@code requestId} (Art. 5(1)(c)); returns how many. */
  int clearSections(RequestId requestId);

  /** Every participant's entry for {@code requestId}, earliest expected first. */
  List<RecipientAcknowledgement> forRequest(RequestId requestId);

  /** How many entries are not settled. */
  long countUnsettled();

  /** Up to {@code limit} entries not settled, oldest first. */
  List<RecipientAcknowledgement> unsettled(int limit);

  /** Deletes the settled entries that settled before {@code cutoff} (Art. 5(1)(e)); returns how many. */
  int deleteSettledBefore(Instant cutoff);

  /** A store in memory: for tests and for plain use where nothing must survive a restart. */
  static AcknowledgementStore inMemory() {
    return new InMemoryAcknowledgementStore();
  }
}
