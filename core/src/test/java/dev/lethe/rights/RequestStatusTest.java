package dev.lethe.rights;

import static dev.lethe.request.RequestStatus.CANCELLED;
import static dev.lethe.request.RequestStatus.COMPLETED;
import static dev.lethe.request.RequestStatus.FULFILLED;
import static dev.lethe.request.RequestStatus.REJECTED;
import static dev.lethe.request.RequestStatus.SUBMITTED;
import static dev.lethe.request.RequestStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.request.RequestStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestStatusTest {

  @Test
  void aRequestIsOpenUntilCompletedRejectedOrCancelled() {
    assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus::isOpen))
        .containsExactly(SUBMITTED, VERIFIED, FULFILLED);
  }

  @Test
  void theLifecycleAllowsExactlyTheseMoves() {
    assertThat(next(SUBMITTED)).containsExactlyInAnyOrder(VERIFIED, FULFILLED, REJECTED, CANCELLED);
    assertThat(next(VERIFIED)).containsExactlyInAnyOrder(FULFILLED, REJECTED, CANCELLED);
    assertThat(next(FULFILLED)).containsExactly(COMPLETED);
    assertThat(next(COMPLETED)).isEmpty();
    assertThat(next(REJECTED)).isEmpty();
    assertThat(next(CANCELLED)).isEmpty();
  }

  private static Set<RequestStatus> next(RequestStatus from) {
    EnumSet<RequestStatus> next = EnumSet.noneOf(RequestStatus.class);
    Arrays.stream(RequestStatus.values()).filter(from::canMoveTo).forEach(next::add);
    return next;
  }
}
