package dev.lethe.spi;

import static dev.lethe.internal.util.Texts.requireNonBlank;

/**
 * A participant's whole report of a subject's data (Art. 15), kept by the coordinator in chunks until
 * it assembles the subject's report: whose it is and how to read it, not the report itself.
 *
 * @param noticeKey the idempotency key of the access request the participant answered
 * @param recipient the participant's name
 * @param chunks how many chunks it is kept in, read by index from 0
 */
public record ReportSection(String noticeKey, String recipient, int chunks) {

  public ReportSection {
    requireNonBlank(noticeKey, "noticeKey");
    requireNonBlank(recipient, "recipient");
    if (chunks < 1) {
      throw new IllegalArgumentException("A report section has at least one chunk, not " + chunks);
    }
  }
}
