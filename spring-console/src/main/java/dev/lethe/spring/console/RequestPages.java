package dev.lethe.spring.console;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditTrail;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.model.SubjectType;
import dev.lethe.objection.Objections;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.RequestPage;
import dev.lethe.spi.RecipientAcknowledgement;
import dev.lethe.subject.SubjectIdentifier;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the request pages show, in words: the rows of the queue, one request's details, its history
 * from the audit, the erasure receipt and where each recipient stands. Nothing here is personal data
 * but the identity a request names its subject by, which the person answering it needs.
 */
final class RequestPages {

  private final Words words;
  private final PersonalDataModel model;
  private final AuditTrail audit;
  private final Acknowledgements acknowledgements;
  private final Objections objections;
  private final int dueSoonDays;

  /** The prefix of a rectification form's fields: {@code correction.fullName} holds the new full name. */
  static final String CORRECTION = "correction.";

  RequestPages(
      Words words,
      PersonalDataModel model,
      AuditTrail audit,
      Acknowledgements acknowledgements,
      Objections objections,
      int dueSoonDays) {
    this.words = words;
    this.model = model;
    this.audit = audit;
    this.acknowledgements = acknowledgements;
    this.objections = objections;
    this.dueSoonDays = dueSoonDays;
  }

  /**
   * The attributes a rectification request may correct, by name, with their labels (Art. 16): every
   * personal-data attribute of the subject's own, as {@link dev.lethe.rights.DataSubjectRights#rectifyAttributes}
   * matches them by name; empty for other requests.
   */
  Map<String, String> correctable(RightsRequest request) {
    if (request.type() != RequestType.RECTIFICATION) {
      return Map.of();
    }
    String subjectType = request.subject().subjectType();
    Map<String, String> labels = new LinkedHashMap<>();
    model
        .entitiesOf(subjectType)
        .forEach(
            entity ->
                entity
                    .fieldsFor(subjectType)
                    .forEach(field -> labels.putIfAbsent(field.name(), field.label())));
    return labels;
  }

  /** The purposes an objection request may object to, by name, with their labels (Art. 21); empty for others. */
  Map<String, String> objectable(RightsRequest request) {
    if (request.type() != RequestType.OBJECTION) {
      return Map.of();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    objections
        .objectablePurposes(request.subject().subjectType())
        .forEach(purpose -> labels.put(purpose.name(), purpose.label()));
    return labels;
  }

  /**
   * One request as a row of the queue or the head of its page.
   *
   * @param id the request's id
   * @param type what the subject asks for, with its article
   * @param typeName the type's constant, for forms and tests
   * @param subject the identity value as shown, a pseudonym shortened
   * @param subjectTitle the identity value in full, with its type and identity, for the title
   * @param channel how it arrived
   * @param received when it arrived
   * @param due its deadline
   * @param originalDue the deadline before an extension, or null if not extended
   * @param status where it stands, in words
   * @param statusName the status's constant
   * @param open whether it still awaits its answer
   * @param overdue whether it is open past its deadline
   * @param dueSoon whether it is open and due within the configured days
   * @param awaitingVerification whether the subject's identity is still to be confirmed (Art. 12(6))
   */
  record Row(
      String id,
      String type,
      String typeName,
      String subject,
      String subjectTitle,
      String channel,
      String received,
      String due,
      @Nullable String originalDue,
      String status,
      String statusName,
      boolean open,
      boolean overdue,
      boolean dueSoon,
      boolean awaitingVerification) {}

  /** A step of a request's history (Art. 5(2)): when, what, and the facts the audit kept. */
  record Step(String when, String what, List<String> details) {}

  /** What an erasure did to one entity type (Art. 17, 5(2)). */
  record ReceiptRow(
      String entity,
      long deleted,
      long updated,
      List<String> kept,
      @Nullable String heldBy,
      List<String> shredded) {}

  /** An erasure receipt in words. */
  record Receipt(String summary, String ground, List<ReceiptRow> rows) {}

  /** Where one recipient stands with a change passed on to it (Art. 17(2), 19). */
  record Recipient(
      String recipient,
      String change,
      String status,
      String outcome,
      long rows,
      String failure,
      String since) {}

  /** A page of the queue. */
  record Queue(List<Row> rows, int page, int pages, long total, boolean hasNext) {}

  Queue queue(RequestPage page, LocalDate today) {
    return new Queue(
        page.requests().stream().map(request -> row(request, today)).toList(),
        page.query().page(),
        page.pages(),
        page.total(),
        page.hasNext());
  }

  Row row(RightsRequest request, LocalDate today) {
    boolean overdue = request.isOpen() && request.isOverdue(today);
    boolean dueSoon =
        request.isOpen() && !overdue && !request.dueDate().isAfter(today.plusDays(dueSoonDays));
    return new Row(
        request.id().toString(),
        type(request.type()),
        request.type().name(),
        Words.subject(request.subject().value()),
        request.subject().subjectType()
            + " by "
            + request.subject().identity()
            + ": "
            + request.subject().value(),
        Words.of(request.channel()),
        words.instant(request.receivedAt()),
        words.date(request.dueDate()),
        request.isExtended() ? words.date(request.originalDueDate()) : null,
        Words.status(request.status()),
        request.status().name(),
        request.isOpen(),
        overdue,
        dueSoon,
        request.isOpen() && request.isAwaitingVerification());
  }

  static String type(RequestType type) {
    return Words.of(type) + " (" + type.article() + ")";
  }

  /** The request's history, from its audit events. */
  List<Step> history(RightsRequest request) {
    return audit.eventsOf(request.id()).stream().map(this::step).toList();
  }

  private Step step(AuditEvent event) {
    List<String> details = new ArrayList<>();
    event.counts().forEach((name, count) -> details.add(Words.ofName(name) + ": " + count));
    event
        .attributes()
        .forEach(
            (name, value) ->
                details.add(
                    Words.ofName(name)
                        + ": "
                        + (name.equals("purpose")
                            ? model.purpose(value).map(Purpose::label).orElse(value)
                            : value)));
    return new Step(words.instant(event.occurredAt()), Words.of(event.type()), details);
  }

  /**
   * The notice to the subject that the deadline was extended, with the reasons (Art. 12(3)): the
   * console shows it for the person answering to send, within the first month.
   */
  @Nullable String extensionNotice(RightsRequest request) {
    return request
        .extension()
        .map(
            extension -> {
              Period added = Period.between(request.originalDueDate(), extension.newDueDate());
              return "We received your "
                  + Words.of(request.type()).toLowerCase()
                  + " request on "
                  + words.date(request.receivedAt().atZone(words.zone()).toLocalDate())
                  + ". As Article 12(3) of the GDPR"
                  + " allows, we are extending the time we need to answer it by "
                  + Words.period(added)
                  + ", to "
                  + words.date(extension.newDueDate())
                  + ", because: "
                  + extension.reason();
            })
        .orElse(null);
  }

  Receipt receipt(ErasureReceipt receipt) {
    String summary =
        receipt.noDataHeld()
            ? "No data was held on the subject: nothing was erased."
            : "Erased on "
                + words.instant(receipt.erasedAt())
                + ": "
                + receipt.rowsTouched()
                + " rows touched.";
    List<ReceiptRow> rows =
        receipt.entities().stream()
            .map(
                outcome ->
                    new ReceiptRow(
                        entityLabel(outcome.entity()),
                        outcome.rows().deleted(),
                        outcome.rows().updated(),
                        outcome.kept().stream()
                            .map(
                                kept ->
                                    attributeLabel(outcome.entity(), kept.attribute())
                                        + ", "
                                        + kept.exemption().title()
                                        + " ("
                                        + kept.exemption().article()
                                        + ")")
                            .toList(),
                        outcome.heldBy().orElse(null),
                        outcome.rows().shredded().stream()
                            .map(attribute -> attributeLabel(outcome.entity(), attribute))
                            .toList()))
            .toList();
    return new Receipt(
        summary, receipt.ground().title() + " (" + receipt.ground().article() + ")", rows);
  }

  List<Recipient> recipients(RightsRequest request) {
    return acknowledgements.forRequest(request.id()).stream().map(this::recipient).toList();
  }

  private Recipient recipient(RecipientAcknowledgement entry) {
    return new Recipient(
        entry.recipient(),
        Words.of(entry.change()),
        Words.of(entry.status()),
        entry.outcome().map(Words::of).orElse("Not yet answered"),
        entry.rowsTouched(),
        entry.failure().orElse(""),
        words.instant(entry.since()));
  }

  /** The entity's name in words: {@code EventRegistration} reads "Event registration". */
  static String entityLabel(String entity) {
    return Words.ofName(entity);
  }

  private String attributeLabel(String entity, String attribute) {
    return model.entities().stream()
        .filter(descriptor -> descriptor.name().equals(entity))
        .flatMap(descriptor -> descriptor.field(attribute).stream())
        .map(FieldDescriptor::label)
        .findFirst()
        .orElse(Words.ofName(attribute));
  }

  /**
   * The identities a subject can be named by in a form, "customer email" reading "Customer, by
   * email"; never the row's id, which people do not know.
   */
  static List<Map.Entry<String, String>> identities(PersonalDataModel model) {
    return model.subjectTypes().stream()
        .flatMap(
            type ->
                type.identities().keySet().stream()
                    .filter(identity -> !identity.equals(SubjectType.ID))
                    .map(
                        identity ->
                            Map.entry(
                                type.name() + " " + identity,
                                Words.ofName(type.name())
                                    + ", by "
                                    + Words.ofName(identity).toLowerCase())))
        .toList();
  }

  /** The model's entities for a form: name and words, "EventRegistration" reading "Event registration". */
  static List<Map.Entry<String, String>> entities(PersonalDataModel model) {
    return model.entities().stream()
        .map(entity -> Map.entry(entity.name(), entityLabel(entity.name())))
        .toList();
  }

  /** The subjects an identity chosen from {@link #identities} names, each by its value. */
  static Function<String, SubjectIdentifier> namedBy(
      PersonalDataModel model, @Nullable String identity) {
    String[] typeAndIdentity =
        ConsoleInput.oneOf(
                identity, identities(model).stream().map(Map.Entry::getKey).toList(), "identity")
            .split(" ", 2);
    return value -> new SubjectIdentifier(typeAndIdentity[0], typeAndIdentity[1], value);
  }

  /** The choices of an enum for a form: constant and words. */
  static <E extends Enum<E>> List<Map.Entry<String, String>> choices(
      E[] values, Function<E, String> label) {
    return Stream.of(values).map(value -> Map.entry(value.name(), label.apply(value))).toList();
  }
}
