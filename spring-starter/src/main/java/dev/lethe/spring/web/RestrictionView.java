package dev.lethe.spring.web;

import dev.lethe.law.RestrictionGround;
import dev.lethe.restriction.Restriction;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A restriction of processing (Art. 18) as the REST API shows it: the subject only by pseudonym.
 *
 * @param subject the subject's keyed pseudonym, as the audit names them
 * @param requestId the restriction request it was placed for
 * @param ground the Art. 18(1) ground
 * @param article the point of Art. 18(1) the ground is
 * @param from when it was placed
 * @param until when the controller plans to lift it, if it said; it stands until lifted (Art. 18(3))
 */
public record RestrictionView(
    String subject,
    UUID requestId,
    RestrictionGround ground,
    String article,
    Instant from,
    @Nullable Instant until) {

  static RestrictionView of(Restriction restriction) {
    return new RestrictionView(
        restriction.subject().hex(),
        restriction.requestId().value(),
        restriction.ground(),
        restriction.ground().article(),
        restriction.from(),
        restriction.until().orElse(null));
  }
}
