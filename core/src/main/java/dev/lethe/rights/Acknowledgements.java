package dev.lethe.rights;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.access.ParticipantSections;
import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.outbox.AccessJson;
import dev.lethe.internal.outbox.ReceiptJson;
import dev.lethe.request.RequestId;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.Notification;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.RecipientAcknowledgement;
import dev.lethe.spi.RecipientAcknowledgement.Status;
import dev.lethe.spi.ReportSection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's side of passing a change on to other services (Art. 17(2), 19): which recipients
 * are participants, services that run Lethe and answer each notice with a {@link ParticipantReceipt},
 * and where each of them stands with each change. {@link RecipientNotifications} expects a receipt
 * from every participant it writes a notice to, in the notice's transaction; this, as the {@link
 * MessageReceiver} of the receipts that come back, records each one and audits it ({@link
 * AuditEventType#RECIPIENT_ACKNOWLEDGED}, {@link AuditEventType#RECIPIENT_FAILED}). A request is
 * completed by {@link DataSubjectRights#complete} only once every participant has acknowledged, or an
 * administrator closed it with a reason ({@link DataSubjectRights#completeWithoutAcknowledgements}).
 *
 * <p>Once a participant has acknowledged, the notice it answered is no longer needed anywhere: an
 * {@linkplain OutboxMessage#clear clearing message} asks the transport to remove it from the broker
 * (a tombstone on a compacted Kafka topic), so that the identity it carries does not stay there (Art.
 * 5(1)(e)). Receipts hold no personal data. Redelivered receipts change nothing: a settled entry
 * never moves. Thread-safe, and safe with several replicas over one store.
 */
public final class Acknowledgements implements MessageReceiver {

  /** The outbox message type of a participant's receipt; its payload is a JSON object without personal data. */
  public static final String RECEIPT_TYPE = "lethe.receipt";

  /**
   * The outbox message type of the coordinator's request for a participant's report of a subject
   * (Art. 15): its payload names the subject.
   */
  public static final String ACCESS_REQUEST_TYPE = "lethe.access-request";

  /**
   * The outbox message type of a participant's answer to an access request: its receipt and one chunk
   * of its report of the subject's data, each chunk its own message. The coordinator keeps the chunks
   * only until it has written the subject's report, and settles the participant's part once every
   * chunk has come.
   */
  public static final String ACCESS_SECTION_TYPE = "lethe.access-section";

  private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

  private final Set<String> participants;
  private final AcknowledgementStore store;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Clock clock;
  private final @Nullable String name;

  private Acknowledgements(Builder builder) {
    this.name = builder.name;
    this.participants = builder.participants;
    this.store = builder.store;
    this.audit = builder.audit;
    this.outbox = builder.outbox;
    this.clock = builder.clock;
  }

  /**
   * A builder for the acknowledgements of {@code participants}, audited in {@code audit}, whose
   * clearing messages go to {@code outbox} (the one the notices are written to).
   *
   * @param participants the names of the recipients that answer with receipts, as the processing
   *     declares them; the other recipients are told and not waited for
   */
  public static Builder builder(Collection<String> participants, AuditTrail audit, Outbox outbox) {
    return new Builder(
        participants, requireNonNull(audit, "audit"), requireNonNull(outbox, "outbox"));
  }

  /** The names of the recipients that answer with receipts. */
  public Set<String> participants() {
    return participants;
  }

  /** Every participant's part of the changes of {@code requestId}, in the order they were passed on. */
  public List<RecipientAcknowledgement> forRequest(RequestId requestId) {
    return store.forRequest(requireNonNull(requestId, "requestId"));
  }

  /** The participants that have not settled their part of {@code requestId}, in the order they were passed on. */
  public List<String> outstanding(RequestId requestId) {
    return forRequest(requestId).stream()
        .filter(entry -> !entry.status().settled())
        .map(RecipientAcknowledgement::recipient)
        .distinct()
        .toList();
  }

  /** How many parts of any request are not settled: a gauge's reading. */
  public long countUnsettled() {
    return store.countUnsettled();
  }

  /** Up to {@code limit} parts not settled, of any request, oldest first: what an administrator follows up. */
  public List<RecipientAcknowledgement> unsettled(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, but is " + limit);
    }
    return store.unsettled(limit);
  }

  /**
   * Deletes the parts settled longer than {@code retention} ago (Art. 5(1)(e)), with the chunks of any
   * participant's report that was never written into a subject's report; the audit keeps the proof of each acknowledgement and
   * closing. Replicas may run it at once.
   *
   * @return how many were deleted
   */
  public int purgeSettled(Duration retention) {
    requireNonNull(retention, "retention");
    return store.deleteSettledBefore(clock.instant().minus(retention));
  }

  /** Records a participant's receipt (Art. 19); see the class comment. A message of another type is refused. */
  @Override
  public void receive(OutboxMessage message) {
    requireNonNull(message, "message");
    if (message.type().equals(ACCESS_SECTION_TYPE)) {
      AccessJson.Chunk chunk = AccessJson.readChunk(message.payload());
      ParticipantReceipt receipt = chunk.receipt();
      audit
          .transactions()
          .inTransaction(
              () -> {
                // Kept only while the part is awaited: a chunk delivered again after its report was
                // assembled must not bring the report back.
                boolean awaited =
                    store
                        .find(receipt.noticeKey())
                        .filter(
                            entry ->
                                entry.recipient().equals(receipt.participant())
                                    && !entry.status().settled())
                        .isPresent();
                if (awaited
                    && store.keepSectionChunk(
                        receipt.noticeKey(), chunk.index(), chunk.last(), chunk.text())) {
                  record(receipt);
                }
              });
      return;
    }
    if (!message.type().equals(RECEIPT_TYPE)) {
      throw new IllegalArgumentException(
          "Acknowledgements receive "
              + RECEIPT_TYPE
              + " and "
              + ACCESS_SECTION_TYPE
              + ", not "
              + message.type());
    }
    ParticipantReceipt receipt = ReceiptJson.read(message.payload());
    audit.transactions().inTransaction(() -> record(receipt));
  }

  /** Whether the receipt settled or moved its part now (false for a redelivered one or an unknown notice). */
  private boolean record(ParticipantReceipt receipt) {
    Optional<RecipientAcknowledgement> expected =
        store
            .find(receipt.noticeKey())
            .filter(entry -> entry.recipient().equals(receipt.participant()));
    if (expected.isEmpty()) {
      // A receipt for a notice this coordinator did not write to that participant: nothing to
      // settle.
      LOG.warn("A receipt from {} answers no notice written to it; ignored", receipt.participant());
      return false;
    }
    RecipientAcknowledgement entry = expected.get();
    boolean failed = receipt.outcome() == ParticipantReceipt.Outcome.FAILED;
    Instant now = clock.instant();
    RecipientAcknowledgement updated =
        new RecipientAcknowledgement(
            entry.noticeKey(),
            entry.requestId(),
            entry.change(),
            entry.recipient(),
            failed ? Status.FAILED : Status.ACKNOWLEDGED,
            Optional.of(receipt.outcome()),
            receipt.rowsTouched(),
            receipt.failure(),
            now);
    if (!store.update(updated)) {
      return false; // Settled already: a redelivered receipt, or one that came after an
      // administrator closed.
    }
    AuditEntry event =
        AuditEntry.of(
                failed ? AuditEventType.RECIPIENT_FAILED : AuditEventType.RECIPIENT_ACKNOWLEDGED)
            .withRequest(entry.requestId(), entry.change())
            .withAttribute("recipient", entry.recipient())
            .withAttribute("outcome", receipt.outcome().name())
            .withCount("rows", receipt.rowsTouched());
    audit.record(
        receipt.failure().map(failure -> event.withAttribute("failure", failure)).orElse(event));
    if (!failed) {
      outbox.enqueue(OutboxMessage.clear(entry.recipient(), entry.noticeKey()), now);
    }
    return true;
  }

  /**
   * Asks every participant for its report of {@code request}'s subject (Art. 15), in the caller's
   * transaction: one access request per participant, each expected like a notice. A second call
   * writes nothing new.
   */
  void requestSections(RightsRequest request) {
    Instant now = clock.instant();
    String payload = AccessJson.write(new AccessJson.Request(request.id(), request.subject()));
    for (String participant : participants) {
      String key =
          "access:"
              + request.id()
              + ":"
              + UUID.nameUUIDFromBytes(participant.getBytes(StandardCharsets.UTF_8));
      outbox.enqueue(new OutboxMessage(key, participant, ACCESS_REQUEST_TYPE, payload), now);
      store.expect(
          RecipientAcknowledgement.pending(key, request.id(), request.type(), participant, now));
    }
  }

  /**
   * The participants' reports for {@code request}, read from the store chunk by chunk when the
   * subject's report is written and cleared from it afterwards (Art. 5(1)(c)). Clearing messages, in
   * the caller's transaction, remove the chunks from the broker: the store holds them now.
   */
  ParticipantSections sections(RightsRequest request) {
    List<ReportSection> sections = store.sections(request.id());
    if (sections.isEmpty()) {
      return ParticipantSections.none();
    }
    Instant now = clock.instant();
    if (name != null) {
      sections.forEach(
          section -> {
            for (int index = 0; index < section.chunks(); index++) {
              outbox.enqueue(
                  OutboxMessage.clear(name, sectionKey(section.noticeKey(), index)), now);
            }
          });
    }
    return new StoredSections(request.id(), sections, store, audit.transactions());
  }

  /**
   * The idempotency key of chunk {@code index} of a participant's report answering the access request
   * {@code noticeKey}: the same on every delivery, and holding no personal data.
   */
  public static String sectionKey(String noticeKey, int index) {
    return "section:"
        + UUID.nameUUIDFromBytes(noticeKey.getBytes(StandardCharsets.UTF_8))
        + ":"
        + index;
  }

  /**
   * Settles the outstanding parts of {@code request} without their receipts, recording why (Art.
   * 5(2)): the request may then complete. Clearing messages remove the notices from the broker. A
   * rights request is closed this way by {@link DataSubjectRights#completeWithoutAcknowledgements};
   * call it directly for the notices of an objection or a consent withdrawal, which are tracked
   * under an id of their own ({@link dev.lethe.spi.Notification#requestId()}).
   *
   * @return the participants whose parts were closed
   */
  public List<String> close(RequestId request, String reason) {
    requireNonBlank(reason, "reason");
    Instant now = clock.instant();
    List<RecipientAcknowledgement> closed =
        forRequest(request).stream()
            .filter(entry -> !entry.status().settled())
            .filter(
                entry ->
                    store.update(
                        new RecipientAcknowledgement(
                            entry.noticeKey(),
                            entry.requestId(),
                            entry.change(),
                            entry.recipient(),
                            Status.CLOSED,
                            entry.outcome(),
                            entry.rowsTouched(),
                            entry.failure(),
                            now)))
            .toList();
    closed.forEach(
        entry -> outbox.enqueue(OutboxMessage.clear(entry.recipient(), entry.noticeKey()), now));
    List<String> recipients =
        closed.stream().map(RecipientAcknowledgement::recipient).distinct().toList();
    if (!recipients.isEmpty()) {
      audit.record(
          AuditEntry.of(AuditEventType.ACKNOWLEDGEMENTS_WAIVED)
              .withRequest(request, closed.get(0).change())
              .withAttribute("recipients", String.join(",", recipients))
              .withAttribute("reason", reason));
    }
    return recipients;
  }

  /** Expects a receipt from {@code recipient} for the notice of {@code notification} with {@code noticeKey}, if it is a participant. */
  void expect(String noticeKey, Notification notification, String recipient, Instant now) {
    if (participants.contains(recipient)) {
      store.expect(
          RecipientAcknowledgement.pending(
              noticeKey, notification.requestId(), notification.change(), recipient, now));
    }
  }

  /**
   * The message to a participant, a notice or an access request, is dead in the outbox: its participant
   * will not answer until an administrator retries it. Other messages concern no participant's part.
   */
  void dead(OutboxMessage message, String failure) {
    moveIfAwaited(message, Status.PENDING, Status.DEAD, Optional.of(failure));
  }

  /** The message to a participant was delivered, such as after an administrator retried it: its answer is awaited again. */
  void delivered(OutboxMessage message) {
    moveIfAwaited(message, Status.DEAD, Status.PENDING, Optional.empty());
  }

  private void moveIfAwaited(
      OutboxMessage message, Status from, Status to, Optional<String> failure) {
    boolean awaited =
        message.type().equals(RecipientNotifications.MESSAGE_TYPE)
            || message.type().equals(ACCESS_REQUEST_TYPE);
    // Checked before the store is asked: most delivered messages go to recipients that answer
    // nothing.
    if (!awaited || !participants.contains(message.destination())) {
      return;
    }
    store
        .find(message.idempotencyKey())
        .filter(entry -> entry.status() == from)
        .ifPresent(
            entry ->
                store.update(
                    new RecipientAcknowledgement(
                        entry.noticeKey(),
                        entry.requestId(),
                        entry.change(),
                        entry.recipient(),
                        to,
                        entry.outcome(),
                        entry.rowsTouched(),
                        failure,
                        clock.instant())));
  }

  /** Configures {@link Acknowledgements}: by default an in-memory store, on the system UTC clock. */
  public static final class Builder {

    private final Set<String> participants;
    private final AuditTrail audit;
    private final Outbox outbox;
    private AcknowledgementStore store = AcknowledgementStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private @Nullable String name;

    private Builder(Collection<String> participants, AuditTrail audit, Outbox outbox) {
      requireNonNull(participants, "participants");
      participants.forEach(name -> requireNonBlank(name, "participant"));
      // In the order given: participants are asked and listed in it.
      this.participants = Collections.unmodifiableSet(new LinkedHashSet<>(participants));
      this.audit = audit;
      this.outbox = outbox;
    }

    /**
     * Where the acknowledgements are kept. The in-memory default forgets them on restart: give a
     * durable one, such as lethe-jdbc's {@code JdbcAcknowledgementStore}, in production.
     */
    public Builder store(AcknowledgementStore store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /**
     * This service's name, as the participants know it: the broker address the participants' report
     * sections come to, which is cleared of them once a subject's report is assembled (Art. 5(1)(e)).
     */
    public Builder name(String name) {
      this.name = requireNonBlank(name, "name");
      return this;
    }

    /** The clock that stamps each change of status. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The service, configured. */
    public Acknowledgements build() {
      return new Acknowledgements(this);
    }
  }
}
