package dev.lethe.spring.web;

import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A rights request as the admin API shows it: where it stands and when it is due (Art. 12(3)).
 * It names the subject type and the identity used, never the identity's value: the API holds no
 * more personal data than the work needs (Art. 5(1)(c)).
 *
 * @param id the request's id
 * @param type what the subject asks for
 * @param article the article granting the right, such as {@code Art. 15}
 * @param subjectType the subject's type
 * @param identity the identity the request names the subject by, such as {@code email}
 * @param channel how the request arrived
 * @param status where the request stands
 * @param receivedAt when it was received
 * @param originalDueDate the Art. 12(3) deadline before any extension
 * @param dueDate the deadline, extended or not
 * @param extended whether the single extension was granted
 * @param overdue whether the request is open past its deadline
 * @param awaitingVerification whether the subject's identity is still to be confirmed (Art. 12(6)): never
 *     once the request is rejected, cancelled or completed, as nothing is left to confirm it for
 * @param outstandingRecipients the participant services that have not acknowledged the change passed on
 *     to them (Art. 17(2), 19): the request cannot complete before they do
 */
public record RequestView(
    UUID id,
    RequestType type,
    String article,
    String subjectType,
    String identity,
    Channel channel,
    RequestStatus status,
    Instant receivedAt,
    LocalDate originalDueDate,
    LocalDate dueDate,
    boolean extended,
    boolean overdue,
    boolean awaitingVerification,
    List<String> outstandingRecipients) {

  static RequestView of(
      RightsRequest request, boolean overdue, List<String> outstandingRecipients) {
    return new RequestView(
        request.id().value(),
        request.type(),
        request.type().article(),
        request.subject().subjectType(),
        request.subject().identity(),
        request.channel(),
        request.status(),
        request.receivedAt(),
        request.originalDueDate(),
        request.dueDate(),
        request.isExtended(),
        overdue,
        request.isOpen() && request.isAwaitingVerification(),
        outstandingRecipients);
  }
}
