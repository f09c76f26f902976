package dev.lethe.restriction;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.RestrictionGround;
import dev.lethe.request.RequestId;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Instant;
import java.util.Optional;

/**
 * A restriction of processing of a subject's data (Art. 18(1)): while it stands, the data is only
 * stored (Art. 18(2)). It stands until lifted, after the subject is told (Art. 18(3)); {@code until}
 * is when the controller plans to lift it, such as when the accuracy check ends, and lifts nothing
 * by itself. The subject appears as its keyed pseudonym only (Art. 4(5)).
 *
 * @param subject the subject's pseudonym
 * @param requestId the restriction request that obtained it (Art. 12)
 * @param ground the ground of Art. 18(1)
 * @param from when it was placed
 * @param until when it is planned to end, if known
 */
public record Restriction(
    SubjectPseudonym subject,
    RequestId requestId,
    RestrictionGround ground,
    Instant from,
    Optional<Instant> until) {

  public Restriction {
    requireNonNull(subject, "subject");
    requireNonNull(requestId, "requestId");
    requireNonNull(ground, "ground");
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    if (until.isPresent() && !until.get().isAfter(from)) {
      throw new IllegalArgumentException(
          "A restriction's planned end " + until.get() + " must come after its start " + from);
    }
  }
}
