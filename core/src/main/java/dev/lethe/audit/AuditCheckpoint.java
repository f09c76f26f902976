package dev.lethe.audit;

import dev.lethe.internal.util.AuditValues;

/**
 * The head of the audit chain at one moment: the sequence of its last event and that event's hash
 * (Art. 5(2)). Kept outside the audit's own table (a log line, a metric, a monitoring system), it
 * lets {@link AuditTrail#verify(AuditCheckpoint)} prove after a restart that no event up to it was
 * removed or rewritten, and lets {@link AuditTrail#verifyFrom(AuditCheckpoint)} resume a
 * verification where an earlier one ended. Holds no personal data.
 *
 * @param sequence the sequence of the last event, 0 for an empty trail
 * @param hash that event's hash, or {@link AuditEvent#GENESIS_HASH} for an empty trail
 */
public record AuditCheckpoint(long sequence, String hash) {

  /** The head of an empty trail. */
  public static final AuditCheckpoint GENESIS = new AuditCheckpoint(0, AuditEvent.GENESIS_HASH);

  public AuditCheckpoint {
    if (sequence < 0) {
      throw new IllegalArgumentException(
          "An audit checkpoint's sequence is 0 or more, not " + sequence);
    }
    AuditValues.requireSha256Hex(hash, "hash");
  }

  /** The checkpoint at {@code event}: its sequence and hash. */
  public static AuditCheckpoint of(AuditEvent event) {
    return new AuditCheckpoint(event.sequence(), event.hash());
  }

  /** The checkpoint as {@code sequence:hash}, the form {@link #parse} reads and the log prints. */
  @Override
  public String toString() {
    return sequence + ":" + hash;
  }

  /**
   * Reads a checkpoint written by {@link #toString()}.
   *
   * @throws IllegalArgumentException if {@code text} is not {@code sequence:hash}
   */
  public static AuditCheckpoint parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException(
          "An audit checkpoint reads sequence:hash, such as 42:" + "0".repeat(64));
    }
    try {
      return new AuditCheckpoint(
          Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("An audit checkpoint's sequence is a number", e);
    }
  }
}
