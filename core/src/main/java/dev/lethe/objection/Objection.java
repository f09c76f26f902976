package dev.lethe.objection;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.Optional;

/**
 * A subject's objection to processing for one purpose (Art. 21). It stands, and the processing
 * stops, until the controller demonstrates compelling legitimate grounds that override it (Art.
 * 21(1)); an objection to direct marketing is never overridden (Art. 21(3)). The subject appears as
 * its keyed pseudonym only (Art. 4(5)).
 *
 * @param subject the subject's pseudonym
 * @param purpose the purpose objected to, as declared in the model
 * @param directMarketing whether the purpose is direct marketing, which makes the objection absolute (Art. 21(3))
 * @param objectedAt when the subject objected
 * @param overriddenBy the compelling grounds that override the objection, once recorded (Art. 21(1))
 */
public record Objection(
    SubjectPseudonym subject,
    String purpose,
    boolean directMarketing,
    Instant objectedAt,
    Optional<CompellingGrounds> overriddenBy) {

  public Objection {
    requireNonNull(subject, "subject");
    requireNonBlank(purpose, "purpose");
    requireNonNull(objectedAt, "objectedAt");
    requireNonNull(overriddenBy, "overriddenBy");
    if (directMarketing && overriddenBy.isPresent()) {
      throw new IllegalArgumentException(
          "An objection to direct marketing is absolute: no grounds override it (Art. 21(3))");
    }
  }

  /** Whether the objection stands, so that the processing must stop (Art. 21(1), 21(3)). */
  public boolean stands() {
    return overriddenBy.isEmpty();
  }

  /**
   * The compelling legitimate grounds for the processing which override the subject's interests,
   * rights and freedoms, or which serve legal claims (Art. 21(1)), as the controller recorded them.
   *
   * @param grounds the grounds, in the controller's words; kept out of the audit, as free text may name people
   * @param recordedAt when they were recorded
   */
  public record CompellingGrounds(String grounds, Instant recordedAt) {
    public CompellingGrounds {
      requireNonBlank(grounds, "grounds");
      requireNonNull(recordedAt, "recordedAt");
    }

    /** Shows when, not the grounds: free text may name people (Art. 32). */
    @Override
    public String toString() {
      return "CompellingGrounds[recordedAt=" + recordedAt + ", grounds=<redacted>]";
    }
  }
}
