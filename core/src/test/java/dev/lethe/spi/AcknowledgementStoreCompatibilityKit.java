package dev.lethe.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.rights.RequestId;
import dev.lethe.rights.RequestType;
import dev.lethe.spi.RecipientAcknowledgement.Status;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract of {@link AcknowledgementStore}: extend it with a factory for an empty store of your implementation. */
public abstract class AcknowledgementStoreCompatibilityKit {

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00.123456789Z");
  private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
  private static final Instant WEDNESDAY = Instant.parse("2026-03-04T09:00:00Z");

  /** An empty store. */
  protected abstract AcknowledgementStore createStore();

  @Test
  @DisplayName("Art. 19: an expected receipt is found by its notice and listed with its request, earliest expected first")
  void findsWhatIsExpected() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    RecipientAcknowledgement billing = RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing",
        MONDAY);
    RecipientAcknowledgement events = RecipientAcknowledgement.pending("n2", request, RequestType.ERASURE, "events",
        TUESDAY);
    store.expect(events);
    store.expect(billing);
    store.expect(RecipientAcknowledgement.pending("n3", RequestId.random(), RequestType.ERASURE, "billing", MONDAY));

    assertThat(store.find("n1")).contains(billing);
    assertThat(store.forRequest(request)).containsExactly(billing, events);
  }

  @Test
  @DisplayName("Art. 19: expecting one notice twice keeps the entry as it stands")
  void expectingTwiceKeepsTheEntry() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing", MONDAY));
    RecipientAcknowledgement failed = moved("n1", request, Status.FAILED, TUESDAY);
    store.update(failed);

    store.expect(RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing", WEDNESDAY));

    assertThat(store.find("n1")).contains(failed);
  }

  @Test
  @DisplayName("Art. 5(2), 19: a settled entry never moves again; an unsettled one does")
  void aSettledEntryNeverMoves() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing", MONDAY));

    assertThat(store.update(moved("n1", request, Status.FAILED, TUESDAY))).isTrue();
    RecipientAcknowledgement acknowledged = moved("n1", request, Status.ACKNOWLEDGED, WEDNESDAY);
    assertThat(store.update(acknowledged)).isTrue();
    assertThat(store.update(moved("n1", request, Status.FAILED, WEDNESDAY))).isFalse();
    assertThat(store.update(moved("unknown", request, Status.FAILED, WEDNESDAY))).isFalse();

    assertThat(store.find("n1")).contains(acknowledged);
  }

  @Test
  @DisplayName("Art. 19: the unsettled entries of every request are listed oldest first, up to the limit")
  void listsTheUnsettled() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(RecipientAcknowledgement.pending("late", request, RequestType.ERASURE, "billing", WEDNESDAY));
    store.expect(RecipientAcknowledgement.pending("early", RequestId.random(), RequestType.RESTRICTION, "events", MONDAY));
    store.expect(RecipientAcknowledgement.pending("done", request, RequestType.ERASURE, "events", MONDAY));
    store.update(moved("done", request, Status.ACKNOWLEDGED, TUESDAY));

    assertThat(store.unsettled(10)).extracting(RecipientAcknowledgement::noticeKey).containsExactly("early", "late");
    assertThat(store.unsettled(1)).extracting(RecipientAcknowledgement::noticeKey).containsExactly("early");
    assertThat(store.countUnsettled()).isEqualTo(2);
  }

  @Test
  @DisplayName("Art. 5(1)(e): settled entries settled before the cutoff are deleted; unsettled ones stay whatever their age")
  void deletesSettledEntriesBeforeTheCutoff() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(RecipientAcknowledgement.pending("old-open", request, RequestType.ERASURE, "billing", MONDAY));
    store.expect(RecipientAcknowledgement.pending("old-done", request, RequestType.ERASURE, "events", MONDAY));
    store.update(moved("old-done", request, Status.ACKNOWLEDGED, MONDAY));
    store.expect(RecipientAcknowledgement.pending("new-done", request, RequestType.ERASURE, "crm", MONDAY));
    store.update(moved("new-done", request, Status.CLOSED, WEDNESDAY));

    assertThat(store.deleteSettledBefore(TUESDAY)).isEqualTo(1);

    assertThat(store.forRequest(request)).extracting(RecipientAcknowledgement::noticeKey)
        .containsExactlyInAnyOrder("old-open", "new-done");
  }

  @Test
  @DisplayName("Art. 15, 5(1)(c): a participant's report section is kept with its entry until cleared, and only then")
  void keepsSectionsUntilCleared() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    RequestId other = RequestId.random();
    store.expect(RecipientAcknowledgement.pending("n1", request, RequestType.ACCESS, "billing", MONDAY));
    store.expect(RecipientAcknowledgement.pending("n2", request, RequestType.ACCESS, "events", TUESDAY));
    store.expect(RecipientAcknowledgement.pending("n3", other, RequestType.ACCESS, "billing", MONDAY));

    assertThat(store.attachSection("n2", "{\"events\":[]}")).isTrue();
    assertThat(store.attachSection("n1", "{\"billing\":[]}")).isTrue();
    assertThat(store.attachSection("n3", "{}")).isTrue();
    assertThat(store.attachSection("unknown", "{}")).isFalse();

    assertThat(store.sections(request)).containsExactly(
        java.util.Map.entry("billing", "{\"billing\":[]}"), java.util.Map.entry("events", "{\"events\":[]}"));
    assertThat(store.clearSections(request)).isEqualTo(2);
    assertThat(store.sections(request)).isEmpty();
    assertThat(store.sections(other)).containsOnlyKeys("billing");
  }

  private static RecipientAcknowledgement moved(String key, RequestId request, Status status, Instant at) {
    boolean failed = status == Status.FAILED;
    return new RecipientAcknowledgement(key, request, RequestType.ERASURE, "billing", status,
        Optional.of(failed ? ParticipantReceipt.Outcome.FAILED : ParticipantReceipt.Outcome.DONE), 4,
        failed ? Optional.of("java.lang.IllegalStateException") : Optional.empty(), at);
  }
}
