package dev.lethe.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.access.ParticipantSections;
import dev.lethe.request.RequestId;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.ReportSection;
import dev.lethe.spi.Transactions;
import java.util.List;
import java.util.function.Consumer;

/**
 * The participants' reports of one request as the coordinator's acknowledgement store keeps them
 * (Art. 15): each chunk is read when it is written, so memory holds one chunk at a time, and all are
 * cleared from the store once the subject's report is written (Art. 5(1)(c)).
 */
final class StoredSections implements ParticipantSections {

  private final RequestId requestId;
  private final List<ReportSection> sections;
  private final AcknowledgementStore store;
  private final Transactions transactions;
  private volatile boolean forgotten;

  StoredSections(
      RequestId requestId,
      List<ReportSection> sections,
      AcknowledgementStore store,
      Transactions transactions) {
    this.requestId = requestId;
    this.sections = List.copyOf(sections);
    this.store = store;
    this.transactions = transactions;
  }

  @Override
  public List<String> participants() {
    return sections.stream().map(ReportSection::recipient).toList();
  }

  @Override
  public void read(String participant, Consumer<String> chunks) {
    requireNonNull(chunks, "chunks");
    ReportSection section =
        sections.stream()
            .filter(kept -> kept.recipient().equals(participant))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The report holds no report of participant " + participant));
    for (int index = 0; index < section.chunks(); index++) {
      int chunk = index;
      chunks.accept(
          store
              .sectionChunk(section.noticeKey(), index)
              .filter(text -> !forgotten)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Chunk "
                              + chunk
                              + " of the report of participant "
                              + participant
                              + " for request "
                              + requestId
                              + " is no longer kept: a subject's report holding participants' reports"
                              + " is written once, after which they are cleared (Art. 5(1)(c))")));
    }
  }

  @Override
  public void forget() {
    forgotten = true;
    transactions.inTransaction(() -> store.clearSections(requestId));
  }

  @Override
  public String toString() {
    return "StoredSections[" + requestId + ", " + participants() + "]";
  }
}
