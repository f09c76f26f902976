package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.request.RightsRequest.Extension;
import dev.lethe.request.RightsRequest.Verification;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RightsRequestTest {

  private static final Instant RECEIVED = Instant.parse("2025-01-31T10:00:00Z");
  private static final LocalDate DUE = LocalDate.parse("2025-02-28");
  private static final SubjectIdentifier SUBJECT =
      new SubjectIdentifier("customer", "email", "ada@example.com");

  @Test
  @DisplayName("Art. 12(3): an open request is overdue from the day after its due date")
  void overdueFromTheDayAfterTheDueDate() {
    RightsRequest request = request(RequestStatus.SUBMITTED, Optional.empty());

    assertThat(request.isOverdue(DUE)).isFalse();
    assertThat(request.isOverdue(DUE.plusDays(1))).isTrue();
  }

  @Test
  void aClosedRequestIsNeverOverdue() {
    RightsRequest completed = request(RequestStatus.COMPLETED, Optional.empty());

    assertThat(completed.isOverdue(DUE.plusYears(1))).isFalse();
  }

  @Test
  @DisplayName("Art. 12(3): an extended request is due on its extended date")
  void anExtensionMovesTheDueDate() {
    LocalDate extended = DUE.plusMonths(2);
    RightsRequest request =
        request(
            RequestStatus.SUBMITTED,
            Optional.of(new Extension("many requests", extended, RECEIVED)));

    assertThat(request.originalDueDate()).isEqualTo(DUE);
    assertThat(request.dueDate()).isEqualTo(extended);
    assertThat(request.isOverdue(DUE.plusDays(1))).isFalse();
  }

  @Test
  void aRejectedRequestNeedsItsRejection() {
    assertThatThrownBy(() -> request(RequestStatus.REJECTED, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a rejection exactly when REJECTED");
  }

  @Test
  @DisplayName("Art. 12(6): a request that needs an identity check cannot be fulfilled without one")
  void aFulfilledRequestNeedsItsVerificationWhenRequired() {
    assertThatThrownBy(
            () ->
                new RightsRequest(
                    RequestId.random(),
                    RequestType.ACCESS,
                    SUBJECT,
                    Channel.WEB,
                    RECEIVED,
                    DUE,
                    RequestStatus.FULFILLED,
                    true,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("verification before it is fulfilled");
    assertThat(
            new RightsRequest(
                    RequestId.random(),
                    RequestType.ACCESS,
                    SUBJECT,
                    Channel.WEB,
                    RECEIVED,
                    DUE,
                    RequestStatus.FULFILLED,
                    true,
                    Optional.of(new Verification("email-link", RECEIVED)),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())
                .isAwaitingVerification())
        .isFalse();
  }

  @Test
  void anExtensionMustEndAfterTheOriginalDueDate() {
    assertThatThrownBy(
            () ->
                request(RequestStatus.SUBMITTED, Optional.of(new Extension("busy", DUE, RECEIVED))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extended due date after the original due date");
  }

  @Test
  @DisplayName("Art. 32: a request's toString shows neither the identity value nor free text")
  void toStringHidesTheIdentityValueAndFreeText() {
    RightsRequest request =
        request(
            RequestStatus.SUBMITTED,
            Optional.of(new Extension("Ada Lovelace sent 300 pages", DUE.plusDays(5), RECEIVED)));

    assertThat(request.toString())
        .doesNotContain("ada@example.com")
        .doesNotContain("Lovelace")
        .contains("customer/email=<redacted>")
        .contains("newDueDate=" + DUE.plusDays(5));
  }

  private static RightsRequest request(RequestStatus status, Optional<Extension> extension) {
    return new RightsRequest(
        RequestId.random(),
        RequestType.ERASURE,
        SUBJECT,
        Channel.EMAIL,
        RECEIVED,
        DUE,
        status,
        false,
        Optional.empty(),
        extension,
        Optional.empty(),
        Optional.empty());
  }
}
