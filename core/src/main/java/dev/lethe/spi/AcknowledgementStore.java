package dev.lethe.spi;

import dev.lethe.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The coordinator's record of where each participant stands with each change passed on to it (Art.
 * 17(2), 19, 5(2)): written when the notice is, in the same transaction, and moved by the
 * participants' receipts and the outbox's dead notices. Several replicas may update it at once: a
 * settled entry (acknowledged or closed) never moves again. Deleting an entry deletes the report
 * chunks kept with it. Implementations must pass {@code
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
   * Keeps chunk {@code index} of the participant's report of the subject's data (Art. 15) answering
   * the access request {@code noticeKey}, until the coordinator assembles the subject's report: the
   * only personal data the store holds, and only that long. A report travels in chunks, numbered from
   * 0, in any order and perhaps more than once; {@code last} marks the chunk with the highest index. A
   * chunk kept already is not kept again, and a chunk for a notice without an entry is not kept.
   * Replicas may keep chunks of one report at once.
   *
   * @param text the chunk, whole UTF-8 sequences only
   * @return whether this chunk made the report whole: true for exactly one of the calls that keep its
   *     chunks, whatever their order
   */
  boolean keepSectionChunk(String noticeKey, int index, boolean last, String text);

  /** The whole reports kept for {@code requestId}, earliest expected first; reports still missing chunks are left out. */
  List<ReportSection> sections(RequestId requestId);

  /** Chunk {@code index} of the report kept with the entry of {@code noticeKey}, if it is kept. */
  Optional<String> sectionChunk(String noticeKey, int index);

  /** Removes every report chunk kept for {@code requestId} (Art. 5(1)(c)), whole or not; returns how many. */
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
