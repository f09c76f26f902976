package dev.lethe.participants;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.audit.AuditTrail;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentState;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.internal.outbox.AccessJson;
import dev.lethe.internal.outbox.NotificationJson;
import dev.lethe.internal.outbox.ReceiptJson;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.objection.Objections;
import dev.lethe.request.Channel;
import dev.lethe.request.RectificationRejectedException;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.MessageReceiver;
import dev.lethe.spi.Notification;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.ParticipantReceipt;
import dev.lethe.spi.ReceiptStore;
import dev.lethe.spi.Transactions;
import dev.lethe.subject.InvalidSubjectIdentifierException;
import dev.lethe.subject.SubjectIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service that holds a share of the subjects' data and takes part in the rights requests of a
 * coordinator (Art. 17(2), 19): it receives the coordinator's notices, carries each out on its own
 * data with its own {@link DataSubjectRights}, and answers with a {@link ParticipantReceipt} through
 * its own outbox. Give it to a transport's inbound side (lethe-kafka's {@code KafkaInbox}, lethe-amqp's
 * {@code AmqpInbox}) as the {@link MessageReceiver} of the notices addressed to this service.
 *
 * <p>For each notice it submits a request of its own for the subject, by the identity the notice
 * names, records the identity check as done by the coordinator, and carries it out: an erasure on the
 * ground the notice states (or the configured one), a rectification of the corrected attributes
 * wherever its own entities hold them ({@link DataSubjectRights#rectifyAttributes}), a restriction
 * placed on the configured ground or lifted. An objection (Art. 21) or a withdrawal of consent (Art.
 * 7(3)) is recorded in its own {@link Objections} or {@link ConsentLedger} for the purpose the notice
 * names (or the one it is mapped to), so that its own processing guard stops that processing too. The
 * local request, its audit, the change, the receipt kept for redelivery and the receipt's outbox
 * message commit in one transaction: a participant that crashes mid-erasure keeps nothing of it, and
 * the redelivered notice carries it out. A notice delivered again after it was carried out is answered
 * with the same receipt and changes nothing. An identity that names nobody here, attributes none of
 * its entities hold, or a consent it does not hold as current are answered {@link
 * ParticipantReceipt.Outcome#NO_DATA_HELD}, a valid acknowledgement.
 *
 * <p>An access request of the coordinator (Art. 15) is answered the same way, with this service's
 * report of the subject made by a local access request: the coordinator assembles the reports into
 * the subject's one report ({@link DataSubjectRights#collectAccess}). The report streams from this
 * service's store into chunks of at most {@link Builder#sectionChunkBytes} bytes (256 KiB by default),
 * each its own message, so that it is never held whole in memory and no message outgrows the broker's
 * limit: this side holds one chunk at a time.
 *
 * <p>A notice this participant cannot carry out is answered {@link ParticipantReceipt.Outcome#FAILED}
 * with the failure's type, never its message: a subject type or identity its model does not know, a
 * purpose it does not declare (or not on a basis the change applies to), corrected values its
 * constraints reject (the attributes are named), a service it was not given. A failure that may pass, such as a
 * database down, is answered FAILED too, and the notice is refused so that the transport offers it
 * again; the receipt of the attempt that succeeds then settles it at the coordinator.
 */
public final class Participant implements MessageReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(Participant.class);

  private final String name;
  private final String coordinator;
  private final DataSubjectRights rights;
  private final @Nullable Restrictions restrictions;
  private final @Nullable Objections objections;
  private final @Nullable ConsentLedger consent;
  private final ReceiptStore receipts;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Clock clock;
  private final ErasureGround erasureGround;
  private final RestrictionGround restrictionGround;
  private final Map<String, String> subjectTypes;
  private final Map<String, String> purposes;
  private final Map<String, String> attributes;
  private final int sectionChunkBytes;

  private Participant(Builder builder) {
    this.name = builder.name;
    this.coordinator = builder.coordinator;
    this.rights = builder.rights;
    this.restrictions = builder.restrictions;
    this.objections = builder.objections;
    this.consent = builder.consent;
    this.receipts = builder.receipts;
    this.outbox = builder.outbox;
    this.transactions = builder.audit.transactions();
    this.clock = builder.clock;
    this.erasureGround = builder.erasureGround;
    this.restrictionGround = builder.restrictionGround;
    this.subjectTypes = Map.copyOf(builder.subjectTypes);
    this.purposes = Map.copyOf(builder.purposes);
    this.attributes = Map.copyOf(builder.attributes);
    this.sectionChunkBytes = builder.sectionChunkBytes;
  }

  /**
   * A builder for the participant {@code name} in the requests of {@code coordinator}.
   *
   * @param name this service's name, as the coordinator's processing declares it among the recipients
   * @param coordinator the coordinator's name: where the receipts go
   * @param rights this service's own rights service, over its own data
   * @param audit its audit trail, whose transactions the change and the receipt commit in
   * @param outbox its outbox, through which the receipts leave
   */
  public static Builder builder(
      String name, String coordinator, DataSubjectRights rights, AuditTrail audit, Outbox outbox) {
    return new Builder(
        requireNonBlank(name, "name"),
        requireNonBlank(coordinator, "coordinator"),
        requireNonNull(rights, "rights"),
        requireNonNull(audit, "audit"),
        requireNonNull(outbox, "outbox"));
  }

  /**
   * Deletes the receipts kept longer than {@code retention} (Art. 5(1)(e)): a notice delivered again
   * after that is carried out again, which changes nothing for an erasure already done. Keep them
   * longer than the coordinator's outbox retries a notice. Replicas may run it at once.
   *
   * @return how many were deleted
   */
  public int purgeReceipts(Duration retention) {
    requireNonNull(retention, "retention");
    return receipts.deleteReceivedBefore(clock.instant().minus(retention));
  }

  /** This participant's name. */
  public String name() {
    return name;
  }

  /**
   * Carries out the notice {@code message} holds and answers it; see the class comment.
   *
   * @throws IllegalArgumentException if it is not an Art. 19 notice addressed to this participant
   * @throws RuntimeException when carrying it out failed in a way that may pass: after a FAILED
   *     receipt, so that the transport offers the notice again
   */
  @Override
  public void receive(OutboxMessage message) {
    requireNonNull(message, "message");
    boolean access = message.type().equals(Acknowledgements.ACCESS_REQUEST_TYPE);
    if (!(access || message.type().equals(RecipientNotifications.MESSAGE_TYPE))
        || !message.destination().equals(name)) {
      throw new IllegalArgumentException(
          "Participant "
              + name
              + " receives "
              + RecipientNotifications.MESSAGE_TYPE
              + " and "
              + Acknowledgements.ACCESS_REQUEST_TYPE
              + " addressed to it, not "
              + message.type()
              + " to "
              + message.destination());
    }
    if (access) {
      answerAccess(message.idempotencyKey(), AccessJson.readRequest(message.payload()));
      return;
    }
    String noticeKey = message.idempotencyKey();
    Notification notice = NotificationJson.read(message.payload());
    Optional<ParticipantReceipt> answered = receipts.find(noticeKey);
    if (answered.isPresent()) {
      // Delivered again: the same receipt again, which the outbox does not write twice while it
      // holds it.
      transactions.inTransaction(
          () -> outbox.enqueue(receiptMessage(answered.get()), clock.instant()));
      return;
    }
    answerOnce(
        noticeKey,
        notice.requestId(),
        notice.change(),
        () -> {
          ParticipantReceipt receipt = carryOut(noticeKey, notice);
          return new Answer(receipt, now -> outbox.enqueue(receiptMessage(receipt), now));
        });
  }

  /**
   * Answers the coordinator's access request (Art. 15) with this service's report of the subject,
   * made by a local access request of its own and streamed from this service's store into messages of
   * at most {@link Builder#sectionChunkBytes} bytes of the report each. Delivered again, it is not
   * answered twice: the answer is in the outbox already, and the outbox drops the report once it is
   * delivered.
   */
  private void answerAccess(String noticeKey, AccessJson.Request request) {
    if (receipts.find(noticeKey).isPresent()) {
      return;
    }
    answerOnce(
        noticeKey,
        request.requestId(),
        RequestType.ACCESS,
        () -> {
          RightsRequest local =
              verifiedLocalRequest(RequestType.ACCESS, localSubject(request.subject()));
          SubjectReport report = rights.access(local.id());
          ParticipantReceipt receipt =
              new ParticipantReceipt(
                  noticeKey,
                  request.requestId(),
                  name,
                  report.processesPersonalData()
                      ? ParticipantReceipt.Outcome.DONE
                      : ParticipantReceipt.Outcome.NO_DATA_HELD,
                  0,
                  Optional.empty());
          completeIfSettled(local);
          return new Answer(receipt, now -> sendReport(report, receipt, now));
        });
  }

  /** Writes {@code report} to the outbox in chunks, each its own message to the coordinator, keyed by its index. */
  private void sendReport(SubjectReport report, ParticipantReceipt receipt, Instant now) {
    try (Utf8Chunks chunks =
        new Utf8Chunks(
            sectionChunkBytes,
            (index, last, text) ->
                outbox.enqueue(
                    new OutboxMessage(
                        Acknowledgements.sectionKey(receipt.noticeKey(), index),
                        coordinator,
                        Acknowledgements.ACCESS_SECTION_TYPE,
                        AccessJson.write(new AccessJson.Chunk(receipt, index, last, text))),
                    now))) {
      SubjectReportWriter.writeJson(report, chunks);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a participant sends back for a message it carried out: the receipt it keeps, and what writes
   * the answer's messages to the outbox at the instant given.
   */
  private record Answer(ParticipantReceipt receipt, Consumer<Instant> send) {}

  /**
   * Carries out {@code work} once: the local change, the receipt kept for redelivery and the answer's
   * outbox rows commit in one transaction. A failure is answered FAILED; one that may pass is rethrown,
   * so that the transport offers the message again.
   */
  private void answerOnce(
      String noticeKey, RequestId requestId, RequestType change, Supplier<Answer> work) {
    try {
      transactions.inTransaction(
          () -> {
            Answer answer = work.get();
            Instant now = clock.instant();
            if (!receipts.add(answer.receipt(), now)) {
              // Another replica carried it out at the same time: this one's change rolls back, and
              // the redelivered message finds that one's receipt.
              throw new IllegalStateException(
                  "The message was carried out by another replica at the same time");
            }
            answer.send().accept(now);
          });
    } catch (CannotCarryOut e) {
      answerFailed(noticeKey, requestId, change, e.failure);
    } catch (RuntimeException e) {
      answerFailed(noticeKey, requestId, change, e.getClass().getName());
      throw e;
    }
  }

  /** A request of this service's own for {@code subject}, its identity check recorded as the coordinator's. */
  private RightsRequest verifiedLocalRequest(RequestType type, SubjectIdentifier subject) {
    RightsRequest request;
    try {
      request = rights.submit(type, subject, Channel.API);
    } catch (InvalidSubjectIdentifierException e) {
      throw new CannotCarryOut(e.getClass().getName());
    }
    return request.isAwaitingVerification()
        ? rights.verify(request.id(), "coordinator:" + coordinator)
        : request;
  }

  private ParticipantReceipt carryOut(String noticeKey, Notification notice) {
    SubjectIdentifier subject = localSubject(notice.subject());
    return switch (notice.change()) {
      case ERASURE -> {
        RightsRequest request = verifiedLocalRequest(RequestType.ERASURE, subject);
        ErasureReceipt erased =
            rights.erase(request.id(), notice.erasureGround().orElse(erasureGround));
        completeIfSettled(request);
        yield ParticipantReceipt.acted(noticeKey, notice.requestId(), name, erased.rowsTouched());
      }
      case RECTIFICATION -> rectify(noticeKey, notice, subject);
      case RESTRICTION -> restrict(noticeKey, notice, subject);
      case OBJECTION -> object(noticeKey, notice, subject);
      case CONSENT_WITHDRAWAL -> withdrawConsent(noticeKey, notice, subject);
      default -> throw new CannotCarryOut("NotPassedOn:" + notice.change());
    };
  }

  private ParticipantReceipt rectify(
      String noticeKey, Notification notice, SubjectIdentifier subject) {
    if (notice.corrections().isEmpty()) {
      throw new CannotCarryOut("RectificationWithoutValues");
    }
    Map<String, @Nullable Object> corrections = new LinkedHashMap<>();
    notice
        .corrections()
        .forEach(
            (attribute, value) ->
                corrections.put(attributes.getOrDefault(attribute, attribute), value));
    RightsRequest request = verifiedLocalRequest(RequestType.RECTIFICATION, subject);
    long rows;
    try {
      rows = rights.rectifyAttributes(request.id(), corrections);
    } catch (RectificationRejectedException e) {
      // Its message names the attributes and the constraints, never the values.
      throw new CannotCarryOut(
          "RectificationRejected:"
              + e.violations().stream()
                  .map(RectificationRejectedException.Violation::attribute)
                  .distinct()
                  .sorted()
                  .toList());
    }
    completeIfSettled(request);
    return ParticipantReceipt.acted(noticeKey, notice.requestId(), name, rows);
  }

  private ParticipantReceipt restrict(
      String noticeKey, Notification notice, SubjectIdentifier subject) {
    Restrictions restrictions = configured(this.restrictions, "RestrictionsNotConfigured");
    boolean restricted = restrictions.restriction(subject).isPresent();
    if (notice.restrictionLifted()) {
      if (restricted) {
        restrictions.liftAsRecipient(subject);
      }
      return receipt(
          noticeKey,
          notice,
          restricted ? ParticipantReceipt.Outcome.DONE : ParticipantReceipt.Outcome.NO_DATA_HELD);
    }
    RightsRequest request = verifiedLocalRequest(RequestType.RESTRICTION, subject);
    if (!restricted) {
      restrictions.restrict(request, restrictionGround);
    }
    rights.fulfil(request.id());
    completeIfSettled(request);
    return receipt(noticeKey, notice, ParticipantReceipt.Outcome.DONE);
  }

  private ParticipantReceipt object(
      String noticeKey, Notification notice, SubjectIdentifier subject) {
    Objections objections = configured(this.objections, "ObjectionsNotConfigured");
    String purpose = localPurpose(notice);
    try {
      objections.object(subject, purpose);
    } catch (IllegalArgumentException e) {
      // This service declares no such purpose, or none open to objection: a mapping to fix.
      throw new CannotCarryOut("PurposeNotObjectable:" + purpose);
    }
    return receipt(noticeKey, notice, ParticipantReceipt.Outcome.DONE);
  }

  private ParticipantReceipt withdrawConsent(
      String noticeKey, Notification notice, SubjectIdentifier subject) {
    ConsentLedger consent = configured(this.consent, "ConsentNotConfigured");
    String purpose = localPurpose(notice);
    ConsentState state;
    try {
      state = consent.state(subject, purpose);
    } catch (IllegalArgumentException e) {
      throw new CannotCarryOut("PurposeNotOnConsent:" + purpose);
    }
    if (state != ConsentState.GIVEN) {
      // No consent of the subject is current here: nothing processes on it.
      return receipt(noticeKey, notice, ParticipantReceipt.Outcome.NO_DATA_HELD);
    }
    consent.withdraw(subject, purpose, ConsentMethod.API);
    return receipt(noticeKey, notice, ParticipantReceipt.Outcome.DONE);
  }

  private String localPurpose(Notification notice) {
    String purpose = notice.purpose().orElseThrow();
    return purposes.getOrDefault(purpose, purpose);
  }

  private static <T> T configured(@Nullable T service, String failure) {
    if (service == null) {
      throw new CannotCarryOut(failure);
    }
    return service;
  }

  private void completeIfSettled(RightsRequest request) {
    // The coordinator tells the subject (Art. 12(3)); here the request closes once this service's
    // own participants, if it has any, have acknowledged.
    if (rights.outstandingRecipients(request.id()).isEmpty()) {
      rights.complete(request.id());
    }
  }

  private ParticipantReceipt receipt(
      String noticeKey, Notification notice, ParticipantReceipt.Outcome outcome) {
    return new ParticipantReceipt(
        noticeKey, notice.requestId(), name, outcome, 0, Optional.empty());
  }

  private SubjectIdentifier localSubject(SubjectIdentifier subject) {
    String type = subjectTypes.getOrDefault(subject.subjectType(), subject.subjectType());
    return new SubjectIdentifier(type, subject.identity(), subject.value());
  }

  private void answerFailed(
      String noticeKey, RequestId requestId, RequestType change, String failure) {
    LOG.warn(
        "Participant {} could not carry out the {} of request {} ({}); answered FAILED",
        name,
        change,
        requestId,
        failure);
    try {
      transactions.inTransaction(
          () ->
              outbox.enqueue(
                  receiptMessage(ParticipantReceipt.failed(noticeKey, requestId, name, failure)),
                  clock.instant()));
    } catch (RuntimeException e) {
      // Answering may fail for the same reason as carrying out; the notice is offered again all the
      // same.
      LOG.warn("Participant {} could not answer FAILED either: {}", name, e.getClass().getName());
    }
  }

  private OutboxMessage receiptMessage(ParticipantReceipt receipt) {
    String key =
        "receipt:"
            + UUID.nameUUIDFromBytes(receipt.noticeKey().getBytes(StandardCharsets.UTF_8))
            + receipt
                .failure()
                .map(
                    failure ->
                        ":failed:"
                            + UUID.nameUUIDFromBytes(failure.getBytes(StandardCharsets.UTF_8)))
                .orElse("");
    return new OutboxMessage(
        key, coordinator, Acknowledgements.RECEIPT_TYPE, ReceiptJson.write(receipt));
  }

  /** A notice this participant cannot carry out however often it is offered: answered FAILED, and not offered again. */
  private static final class CannotCarryOut extends RuntimeException {
    private final String failure;

    CannotCarryOut(String failure) {
      super(failure, null, false, false);
      // Receipts keep a failure in 200 characters; a long list of attributes is cut.
      this.failure = failure.length() <= 200 ? failure : failure.substring(0, 199) + "…";
    }
  }

  /**
   * Configures {@link Participant}. By default: erasure on Art. 17(1)(a) (the data is no longer
   * necessary for the purposes of the coordinator's disclosure), restriction on Art. 18(1)(a), the
   * coordinator's subject types under their own names, receipts in memory, the system UTC clock,
   * report sections in chunks of {@value #DEFAULT_SECTION_CHUNK_BYTES} bytes.
   */
  public static final class Builder {

    /** The default size of a chunk of a report section: 256 KiB. */
    public static final int DEFAULT_SECTION_CHUNK_BYTES = 256 * 1024;

    /** The largest chunk: 4 MiB, which MariaDB's {@code mediumtext} holds escaped twice over. */
    public static final int MAX_SECTION_CHUNK_BYTES = 4 * 1024 * 1024;

    private final String name;
    private final String coordinator;
    private final DataSubjectRights rights;
    private final AuditTrail audit;
    private final Outbox outbox;
    private @Nullable Restrictions restrictions;
    private @Nullable Objections objections;
    private @Nullable ConsentLedger consent;
    private ReceiptStore receipts = ReceiptStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private ErasureGround erasureGround = ErasureGround.NO_LONGER_NECESSARY;
    private RestrictionGround restrictionGround = RestrictionGround.ACCURACY_CONTESTED;
    private final Map<String, String> subjectTypes = new HashMap<>();
    private final Map<String, String> purposes = new HashMap<>();
    private final Map<String, String> attributes = new HashMap<>();
    private int sectionChunkBytes = DEFAULT_SECTION_CHUNK_BYTES;

    private Builder(
        String name,
        String coordinator,
        DataSubjectRights rights,
        AuditTrail audit,
        Outbox outbox) {
      this.name = name;
      this.coordinator = coordinator;
      this.rights = rights;
      this.audit = audit;
      this.outbox = outbox;
    }

    /** This service's restrictions, to carry out restrictions placed and lifted (Art. 18, 19); without it they are answered FAILED. */
    public Builder restrictions(Restrictions restrictions) {
      this.restrictions = requireNonNull(restrictions, "restrictions");
      return this;
    }

    /** This service's objections, to record the objections passed on (Art. 21); without it they are answered FAILED. */
    public Builder objections(Objections objections) {
      this.objections = requireNonNull(objections, "objections");
      return this;
    }

    /**
     * This service's consent ledger, to record the withdrawals passed on (Art. 7(3)); without it they
     * are answered FAILED. A withdrawal of a consent this ledger does not hold as current is answered
     * NO_DATA_HELD.
     */
    public Builder consent(ConsentLedger consent) {
      this.consent = requireNonNull(consent, "consent");
      return this;
    }

    /**
     * Where the receipts sent are kept for redelivery. The in-memory default forgets them on restart,
     * after which a redelivered erasure is answered NO_DATA_HELD: give a durable one, such as
     * lethe-jdbc's {@code JdbcReceiptStore}, in production.
     */
    public Builder receipts(ReceiptStore receipts) {
      this.receipts = requireNonNull(receipts, "receipts");
      return this;
    }

    /** The ground this service's erasures are recorded on when the notice states none. */
    public Builder erasureGround(ErasureGround ground) {
      this.erasureGround = requireNonNull(ground, "ground");
      return this;
    }

    /** The ground this service's restrictions are recorded on. */
    public Builder restrictionGround(RestrictionGround ground) {
      this.restrictionGround = requireNonNull(ground, "ground");
      return this;
    }

    /** Carries out the coordinator's subjects of type {@code coordinatorType} as this service's {@code localType}. */
    public Builder subjectType(String coordinatorType, String localType) {
      subjectTypes.put(
          requireNonBlank(coordinatorType, "coordinatorType"),
          requireNonBlank(localType, "localType"));
      return this;
    }

    /** Carries out objections to and withdrawals of consent to the coordinator's {@code coordinatorPurpose} on this service's {@code localPurpose}. */
    public Builder purpose(String coordinatorPurpose, String localPurpose) {
      purposes.put(
          requireNonBlank(coordinatorPurpose, "coordinatorPurpose"),
          requireNonBlank(localPurpose, "localPurpose"));
      return this;
    }

    /**
     * Corrects the coordinator's attribute {@code coordinatorAttribute} as this service's {@code
     * localAttribute}; without a mapping, an attribute is corrected where this service's entities have
     * one of the same name.
     */
    public Builder attribute(String coordinatorAttribute, String localAttribute) {
      attributes.put(
          requireNonBlank(coordinatorAttribute, "coordinatorAttribute"),
          requireNonBlank(localAttribute, "localAttribute"));
      return this;
    }

    /**
     * The most bytes of this service's report of a subject (Art. 15) one message carries, in UTF-8;
     * a chunk never ends inside a character. Escaped in the message, a chunk takes at most twice its
     * size, so the 256 KiB default stays below Kafka's default limit of 1 MB per message. The memory an
     * answer takes is one chunk on this side; on the coordinator's, one chunk per message its broker
     * client holds at once.
     *
     * @param bytes from 4 (the longest UTF-8 sequence) to {@value #MAX_SECTION_CHUNK_BYTES}
     */
    public Builder sectionChunkBytes(int bytes) {
      if (bytes < Utf8Chunks.MIN_CHUNK_BYTES || bytes > MAX_SECTION_CHUNK_BYTES) {
        throw new IllegalArgumentException(
            "A section chunk holds from "
                + Utf8Chunks.MIN_CHUNK_BYTES
                + " to "
                + MAX_SECTION_CHUNK_BYTES
                + " bytes, not "
                + bytes);
      }
      this.sectionChunkBytes = bytes;
      return this;
    }

    /** The clock that stamps the receipts kept. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The participant, configured. */
    public Participant build() {
      return new Participant(this);
    }
  }
}
