package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.RecipientAcknowledgement;
import dev.lethe.spi.RecipientAcknowledgement.Status;
import dev.lethe.spi.ReportSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  @DisplayName(
      "Art. 19: an expected receipt is found by its notice and listed with its request, earliest expected first")
  void findsWhatIsExpected() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    RecipientAcknowledgement billing =
        RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing", MONDAY);
    RecipientAcknowledgement events =
        RecipientAcknowledgement.pending("n2", request, RequestType.ERASURE, "events", TUESDAY);
    store.expect(events);
    store.expect(billing);
    store.expect(
        RecipientAcknowledgement.pending(
            "n3", RequestId.random(), RequestType.ERASURE, "billing", MONDAY));

    assertThat(store.find("n1")).contains(billing);
    assertThat(store.forRequest(request)).containsExactly(billing, events);
  }

  @Test
  @DisplayName("Art. 19: expecting one notice twice keeps the entry as it stands")
  void expectingTwiceKeepsTheEntry() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing", MONDAY));
    RecipientAcknowledgement failed = moved("n1", request, Status.FAILED, TUESDAY);
    store.update(failed);

    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing", WEDNESDAY));

    assertThat(store.find("n1")).contains(failed);
  }

  @Test
  @DisplayName("Art. 5(2), 19: a settled entry never moves again; an unsettled one does")
  void aSettledEntryNeverMoves() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ERASURE, "billing", MONDAY));

    assertThat(store.update(moved("n1", request, Status.FAILED, TUESDAY))).isTrue();
    RecipientAcknowledgement acknowledged = moved("n1", request, Status.ACKNOWLEDGED, WEDNESDAY);
    assertThat(store.update(acknowledged)).isTrue();
    assertThat(store.update(moved("n1", request, Status.FAILED, WEDNESDAY))).isFalse();
    assertThat(store.update(moved("unknown", request, Status.FAILED, WEDNESDAY))).isFalse();

    assertThat(store.find("n1")).contains(acknowledged);
  }

  @Test
  @DisplayName(
      "Art. 19: the unsettled entries of every request are listed oldest first, up to the limit")
  void listsTheUnsettled() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending(
            "late", request, RequestType.ERASURE, "billing", WEDNESDAY));
    store.expect(
        RecipientAcknowledgement.pending(
            "early", RequestId.random(), RequestType.RESTRICTION, "events", MONDAY));
    store.expect(
        RecipientAcknowledgement.pending("done", request, RequestType.ERASURE, "events", MONDAY));
    store.update(moved("done", request, Status.ACKNOWLEDGED, TUESDAY));

    assertThat(store.unsettled(10))
        .extracting(RecipientAcknowledgement::noticeKey)
        .containsExactly("early", "late");
    assertThat(store.unsettled(1))
        .extracting(RecipientAcknowledgement::noticeKey)
        .containsExactly("early");
    assertThat(store.countUnsettled()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): settled entries settled before the cutoff are deleted; unsettled ones stay whatever their age")
  void deletesSettledEntriesBeforeTheCutoff() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending(
            "old-open", request, RequestType.ERASURE, "billing", MONDAY));
    store.expect(
        RecipientAcknowledgement.pending(
            "old-done", request, RequestType.ERASURE, "events", MONDAY));
    store.update(moved("old-done", request, Status.ACKNOWLEDGED, MONDAY));
    store.expect(
        RecipientAcknowledgement.pending("new-done", request, RequestType.ERASURE, "crm", MONDAY));
    store.update(moved("new-done", request, Status.CLOSED, WEDNESDAY));

    assertThat(store.deleteSettledBefore(TUESDAY)).isEqualTo(1);

    assertThat(store.forRequest(request))
        .extracting(RecipientAcknowledgement::noticeKey)
        .containsExactlyInAnyOrder("old-open", "new-done");
  }

  @Test
  @DisplayName(
      "Art. 15, 5(1)(c): a participant's report is kept in chunks with its entry, read in order once whole, until cleared")
  void keepsSectionsUntilCleared() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    RequestId other = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ACCESS, "billing", MONDAY));
    store.expect(
        RecipientAcknowledgement.pending("n2", request, RequestType.ACCESS, "events", TUESDAY));
    store.expect(
        RecipientAcknowledgement.pending("n3", other, RequestType.ACCESS, "billing", MONDAY));
    store.expect(
        RecipientAcknowledgement.pending("n4", request, RequestType.ACCESS, "crm", WEDNESDAY));

    assertThat(store.keepSectionChunk("n2", 0, true, "{\"events\":[]}")).isTrue();
    assertThat(store.keepSectionChunk("n1", 2, true, "ß]}")).isFalse();
    assertThat(store.keepSectionChunk("n1", 0, false, "{\"billing\":[")).isFalse();
    assertThat(store.sections(request))
        .as("a report still missing a chunk is not listed")
        .containsExactly(new ReportSection("n2", "events", 1));
    assertThat(store.keepSectionChunk("n1", 1, false, "\"€𝄞\",")).isTrue();
    assertThat(store.keepSectionChunk("n3", 0, true, "{}")).isTrue();
    assertThat(store.keepSectionChunk("n4", 0, false, "{")).isFalse();
    assertThat(store.keepSectionChunk("unknown", 0, true, "{}")).isFalse();

    assertThat(store.sections(request))
        .containsExactly(
            new ReportSection("n1", "billing", 3), new ReportSection("n2", "events", 1));
    assertThat(store.sectionChunk("n1", 0)).contains("{\"billing\":[");
    assertThat(store.sectionChunk("n1", 1)).contains("\"€𝄞\",");
    assertThat(store.sectionChunk("n1", 2)).contains("ß]}");
    assertThat(store.sectionChunk("n1", 3)).isEmpty();
    assertThat(store.clearSections(request)).isEqualTo(5);
    assertThat(store.sections(request)).isEmpty();
    assertThat(store.sectionChunk("n1", 0)).isEmpty();
    assertThat(store.sectionChunk("n4", 0)).isEmpty();
    assertThat(store.sections(other)).containsExactly(new ReportSection("n3", "billing", 1));
  }

  @Test
  @DisplayName("Art. 15: a chunk delivered twice is kept once, and its report is whole once only")
  void aChunkDeliveredTwiceIsKeptOnce() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ACCESS, "billing", MONDAY));

    assertThat(store.keepSectionChunk("n1", 0, false, "{\"a\":")).isFalse();
    assertThat(store.keepSectionChunk("n1", 0, false, "{\"a\":")).isFalse();
    assertThat(store.keepSectionChunk("n1", 1, true, "1}")).isTrue();
    assertThat(store.keepSectionChunk("n1", 1, true, "1}")).isFalse();
    assertThat(store.keepSectionChunk("n1", 0, false, "{\"a\":")).isFalse();

    assertThat(store.sections(request)).containsExactly(new ReportSection("n1", "billing", 2));
    assertThat(store.clearSections(request)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "Art. 15: chunks kept by several replicas at once make their report whole exactly once")
  void replicasKeepingChunksAtOnceMakeItWholeOnce() throws Exception {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ACCESS, "billing", MONDAY));
    int chunks = 12;
    ExecutorService replicas = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> whole = new ArrayList<>();
      for (int index = chunks - 1; index >= 0; index--) {
        int chunk = index;
        whole.add(
            replicas.submit(
                () -> store.keepSectionChunk("n1", chunk, chunk == chunks - 1, "c" + chunk)));
      }
      int madeWhole = 0;
      for (Future<Boolean> result : whole) {
        madeWhole += result.get() ? 1 : 0;
      }
      assertThat(madeWhole).isOne();
    } finally {
      replicas.shutdownNow();
    }
    assertThat(store.sections(request)).containsExactly(new ReportSection("n1", "billing", chunks));
    assertThat(store.sectionChunk("n1", 7)).contains("c7");
  }

  @Test
  @DisplayName("Art. 5(1)(e): deleting a settled entry deletes the report chunks kept with it")
  void deletingAnEntryDeletesItsChunks() {
    AcknowledgementStore store = createStore();
    RequestId request = RequestId.random();
    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ACCESS, "billing", MONDAY));
    store.keepSectionChunk("n1", 0, true, "{}");
    store.update(moved("n1", request, Status.ACKNOWLEDGED, MONDAY));

    assertThat(store.deleteSettledBefore(TUESDAY)).isOne();

    assertThat(store.sectionChunk("n1", 0)).isEmpty();
    store.expect(
        RecipientAcknowledgement.pending("n1", request, RequestType.ACCESS, "billing", WEDNESDAY));
    assertThat(store.sections(request)).isEmpty();
  }

  private static RecipientAcknowledgement moved(
      String key, RequestId request, Status status, Instant at) {
    boolean failed = status == Status.FAILED;
    return new RecipientAcknowledgement(
        key,
        request,
        RequestType.ERASURE,
        "billing",
        status,
        Optional.of(failed ? ParticipantReceipt.Outcome.FAILED : ParticipantReceipt.Outcome.DONE),
        4,
        failed ? Optional.of("java.lang.IllegalStateException") : Optional.empty(),
        at);
  }
}
