package dev.lethe.spring.web;

import dev.lethe.request.RequestType;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.RecipientAcknowledgement;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one participant service stands with one change passed on to it (Art. 17(2), 19), as the admin
 * API shows it: no personal data.
 *
 * @param recipient the participant's name
 * @param change the change passed on
 * @param status PENDING, ACKNOWLEDGED, FAILED, DEAD or CLOSED
 * @param outcome what its receipt said: DONE, NO_DATA_HELD or FAILED; null before it answered
 * @param rowsTouched how many of its rows it said it touched
 * @param failure the type of its failure, or of the last delivery failure when dead
 * @param since when it came to stand where it stands
 */
public record RecipientView(
    String recipient,
    RequestType change,
    RecipientAcknowledgement.Status status,
    ParticipantReceipt.@Nullable Outcome outcome,
    long rowsTouched,
    @Nullable String failure,
    Instant since) {

  static RecipientView of(RecipientAcknowledgement entry) {
    return new RecipientView(
        entry.recipient(),
        entry.change(),
        entry.status(),
        entry.outcome().orElse(null),
        entry.rowsTouched(),
        entry.failure().orElse(null),
        entry.since());
  }
}
