package dev.lethe.breach;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.outbox.FlatJson;
import dev.lethe.internal.rights.SubjectIdentifiers;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectType;
import dev.lethe.model.TemporalAttributes;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.Transactions;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.subject.SubjectPseudonym;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The register of personal-data breaches (Art. 33(5)) and their notification: to the supervisory
 * authority within 72 hours of awareness, with the reasons for any delay (Art. 33(1)), and, where the
 * risk is high, to each subject affected (Art. 34(1)), found from the model and told through the
 * outbox and the application's {@link BreachNotifier}.
 *
 * <p>Every change is a conditional update of the stored breach from the version read, and is audited
 * in the same transaction, with ids, categories and counts only, never a description or a subject's
 * identity (Art. 5(2)). Deadlines are computed from the stored time of awareness, so every replica and
 * every restart agrees on them.
 *
 * <pre>{@code
 * BreachRegister breaches = BreachRegister.builder(store, audit).personalData(model, personalDataStore)
 *     .outbox(outbox).clock(clock).build();
 * Breach breach = breaches.record(report);
 * breaches.notifyAuthority(breach.id(), Optional.empty());
 * breaches.notifySubjects(breach.id(), AffectedSubjects.rowsBetween("CustomerOrder", "placedAt", from, to));
 * }</pre>
 */
public final class BreachRegister {

  /** The outbox destination of the notices to subjects: route it to {@link #transport()}. */
  public static final String DESTINATION = "lethe.data-subjects";

  /** The outbox message type of a notice to a subject (Art. 34(1)). */
  public static final String NOTICE_TYPE = "lethe.breach-notice";

  private final BreachStore store;
  private final AuditTrail audit;
  private final Transactions transactions;
  private final Clock clock;
  private final @Nullable PersonalDataModel model;
  private final @Nullable PersonalDataStore personalData;
  private final Outbox outbox;
  private final BreachNotifier notifier;

  private BreachRegister(Builder builder) {
    this.store = builder.store;
    this.audit = builder.audit;
    this.transactions = audit.transactions();
    this.clock = builder.clock;
    this.model = builder.model;
    this.personalData = builder.personalData;
    this.outbox = builder.outbox;
    this.notifier = builder.notifier;
  }

  /** A register kept in {@code store}, audited in {@code audit}. */
  public static Builder builder(BreachStore store, AuditTrail audit) {
    return new Builder(store, audit);
  }

  /**
   * Enters a breach in the register (Art. 33(5)).
   *
   * @throws IllegalArgumentException if the controller became aware of it in the future, or, with the
   *     personal data configured, it names a subject type the model does not have; nothing is stored
   */
  public Breach record(BreachReport report) {
    requireNonNull(report, "report");
    Instant now = clock.instant();
    if (report.awareAt().isAfter(now)) {
      throw new IllegalArgumentException(
          "awareAt lies in the future: the controller cannot have become aware of the"
              + " breach yet (Art. 33(1))");
    }
    if (model != null) {
      // The unknown names are not quoted: a caller may have typed anything there.
      if (report.subjectTypes().stream().anyMatch(type -> model.subjectType(type).isEmpty())) {
        throw new IllegalArgumentException(
            "subjectTypes names a type the model does not have: name some of "
                + model.subjectTypes().stream().map(SubjectType::name).toList());
      }
    }
    Breach breach =
        new Breach(
            UUID.randomUUID(),
            report,
            now,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            0);
    return transactions.inTransaction(
        () -> {
          store.insert(breach);
          audit.record(
              entry(AuditEventType.BREACH_RECORDED, breach)
                  .withAttribute("risk", report.risk().name())
                  .withAttribute("subjectTypes", String.join(",", report.subjectTypes()))
                  .withAttribute("dataCategories", String.join(",", report.dataCategories()))
                  .withAttribute("authorityDeadline", breach.authorityDeadline().toString())
                  .withCount("approximateSubjects", report.approximateSubjects())
                  .withCount("approximateRecords", report.approximateRecords()));
          return breach;
        });
  }

  /**
   * Records that the supervisory authority was notified of breach {@code id} now (Art. 33(1)). Later
   * than 72 hours after awareness, the notification must state the reasons for the delay.
   *
   * @param delayReasons why the notification comes late; required when it does
   * @throws UnknownBreachException if no breach has the id
   * @throws IllegalArgumentException if the notification is late and states no reasons; nothing changes
   * @throws IllegalStateException if the authority was already notified, or another caller changed
   *     the breach at the same moment
   */
  public Breach notifyAuthority(UUID id, Optional<String> delayReasons) {
    requireNonNull(id, "id");
    requireNonNull(delayReasons, "delayReasons");
    Optional<String> reasons = delayReasons.filter(text -> !text.isBlank());
    reasons.ifPresent(
        text -> BreachReport.requireAtMost(text, BreachReport.TEXT_LENGTH, "delayReasons"));
    return transactions.inTransaction(
        () -> {
          Breach breach = find(id).orElseThrow(() -> new UnknownBreachException(id));
          if (breach.authorityNotifiedAt().isPresent()) {
            throw new IllegalStateException(
                "The supervisory authority was already notified of breach " + id);
          }
          Instant now = clock.instant();
          boolean late = now.isAfter(breach.authorityDeadline());
          long hours = Duration.between(breach.report().awareAt(), now).toHours();
          if (late && reasons.isEmpty()) {
            throw new IllegalArgumentException(
                "delayReasons is required: the authority is notified "
                    + hours
                    + " hours after the controller became aware of breach "
                    + id
                    + ", later than the 72 hours of Art. 33(1),"
                    + " so the notification must state the reasons for the delay");
          }
          Breach notified =
              new Breach(
                  id,
                  breach.report(),
                  breach.recordedAt(),
                  Optional.of(now),
                  reasons,
                  breach.subjectsNotifiedAt(),
                  breach.subjectsNotified(),
                  breach.version());
          Breach stored = store.update(notified).orElseThrow(() -> lostRace(id));
          audit.record(
              entry(AuditEventType.BREACH_AUTHORITY_NOTIFIED, stored)
                  .withAttribute("late", Boolean.toString(late))
                  .withCount("hoursAfterAwareness", Math.max(0, hours)));
          return stored;
        });
  }

  /**
   * Records the risk breach {@code id} is now assessed to pose (Art. 33(1), 34(1)), as the
   * investigation learns more: a breach assessed as high risk can then be told to its subjects, and
   * one found unlikely to result in a risk is no longer overdue. Assessing the risk it has changes
   * nothing and is not audited.
   *
   * @throws UnknownBreachException if no breach has the id
   * @throws IllegalStateException if another caller changed the breach at the same moment
   */
  public Breach assessRisk(UUID id, Breach.Risk risk) {
    requireNonNull(id, "id");
    requireNonNull(risk, "risk");
    return transactions.inTransaction(
        () -> {
          Breach breach = find(id).orElseThrow(() -> new UnknownBreachException(id));
          Breach.Risk before = breach.report().risk();
          if (before == risk) {
            return breach;
          }
          Breach assessed =
              new Breach(
                  id,
                  breach.report().withRisk(risk),
                  breach.recordedAt(),
                  breach.authorityNotifiedAt(),
                  breach.delayReasons(),
                  breach.subjectsNotifiedAt(),
                  breach.subjectsNotified(),
                  breach.version());
          Breach stored = store.update(assessed).orElseThrow(() -> lostRace(id));
          audit.record(
              entry(AuditEventType.BREACH_RISK_ASSESSED, stored)
                  .withAttribute("riskBefore", before.name())
                  .withAttribute("risk", risk.name()));
          return stored;
        });
  }

  /**
   * The subjects {@code affected} names, found from the model through the personal-data store: the
   * listed identities resolved as a rights request's are, and the subjects of the rows in each time
   * window (Art. 33(3)(a)).
   *
   * @throws IllegalStateException if no personal data is configured
   * @throws IllegalArgumentException if an identity or a window names what the model does not have, or
   *     a window's attribute is not a date or time attribute of its entity
   * @throws UnsupportedOperationException if the store cannot search rows by time and a window is given
   */
  public Set<SubjectKey> affectedSubjects(AffectedSubjects affected) {
    requireNonNull(affected, "affected");
    if (model == null || personalData == null) {
      throw new IllegalStateException(
          "No personal data is configured: give the register the model and its store"
              + " (personalData) to find the subjects a breach affects");
    }
    affected.listed().forEach(identifier -> SubjectIdentifiers.check(model, identifier));
    List<EntityDescriptor> entities =
        affected.windows().stream()
            .map(
                window -> {
                  EntityDescriptor entity = entity(window.entity());
                  TemporalAttributes.requireWindowAttribute(entity.type(), window.attribute());
                  return entity;
                })
            .toList();
    Set<SubjectKey> subjects = new LinkedHashSet<>();
    affected.listed().forEach(identifier -> subjects.addAll(personalData.resolve(identifier)));
    for (int i = 0; i < entities.size(); i++) {
      AffectedSubjects.RowsBetween window = affected.windows().get(i);
      subjects.addAll(
          personalData.subjectsWithRowsBetween(
              entities.get(i), window.attribute(), window.from(), window.to()));
    }
    return subjects;
  }

  private EntityDescriptor entity(String name) {
    PersonalDataModel known = requireNonNull(model, "model");
    return known
        .entityNamed(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "entity names no entity of the model: name one of "
                        + known.entities().stream().map(EntityDescriptor::name).toList()));
  }

  /**
   * Tells every subject {@code affected} names of breach {@code id}, which the controller assessed as
   * likely to result in a high risk (Art. 34(1)): one notice per subject is written to the outbox in
   * this transaction, for {@link #transport()} to deliver; a subject already sent a notice of this
   * breach is not sent another. The breach records when notices were first written and how many.
   *
   * @return the breach, with the subjects notified counted
   * @throws UnknownBreachException if no breach has the id
   * @throws IllegalStateException if the risk is not assessed as high, no personal data is configured, the
   *     {@link BreachNotifier} cannot deliver (none is configured), or another caller changed the breach at
   *     the same moment; nothing is written
   * @throws IllegalArgumentException if {@code affected} names nothing, or what the model does not have
   */
  public Breach notifySubjects(UUID id, AffectedSubjects affected) {
    requireNonNull(id, "id");
    requireNonNull(affected, "affected");
    if (affected.isEmpty()) {
      throw new IllegalArgumentException(
          "affected names no subjects and no rows: list the subjects or give the"
              + " entity rows by time");
    }
    if (!notifier.canDeliver()) {
      // Notices nobody can deliver would wait in the outbox until they die, while the breach said
      // its subjects were told.
      throw new IllegalStateException(
          "No BreachNotifier can deliver notices to subjects now: configure one that"
              + " tells subjects of a breach (Art. 34(1)); nothing was written");
    }
    return transactions.inTransaction(
        () -> {
          Breach breach = find(id).orElseThrow(() -> new UnknownBreachException(id));
          if (breach.report().risk() != Breach.Risk.HIGH) {
            throw new IllegalStateException(
                "Breach "
                    + id
                    + " is assessed as "
                    + breach.report().risk()
                    + ": subjects are"
                    + " told of a breach likely to result in a high risk (Art. 34(1)); record the risk as HIGH to tell them");
          }
          Set<SubjectKey> subjects = affectedSubjects(affected);
          Instant now = clock.instant();
          long written = 0;
          for (SubjectKey subject : subjects) {
            SubjectIdentifier identifier =
                new SubjectIdentifier(
                    subject.subjectType(), SubjectType.ID, String.valueOf(subject.id()));
            SubjectPseudonym pseudonym = audit.pseudonymOf(identifier);
            // Kept in the register, not left to the outbox, which deletes delivered notices after a
            // while.
            if (store.markTold(id, pseudonym, now)) {
              outbox.enqueue(
                  new OutboxMessage(
                      idempotencyKey(id, pseudonym),
                      DESTINATION,
                      NOTICE_TYPE,
                      payload(breach, identifier)),
                  now);
              written++;
            }
          }
          Breach notified =
              new Breach(
                  id,
                  breach.report(),
                  breach.recordedAt(),
                  breach.authorityNotifiedAt(),
                  breach.delayReasons(),
                  breach.subjectsNotifiedAt().or(() -> Optional.of(now)),
                  breach.subjectsNotified() + written,
                  breach.version());
          Breach stored = store.update(notified).orElseThrow(() -> lostRace(id));
          audit.record(
              entry(AuditEventType.BREACH_SUBJECTS_NOTIFIED, stored)
                  .withCount("subjectsFound", subjects.size())
                  .withCount("noticesWritten", written));
          return stored;
        });
  }

  /** The breach with {@code id}, if it is in the register. */
  public Optional<Breach> find(UUID id) {
    return store.find(requireNonNull(id, "id"));
  }

  /** Every breach in the register, the most recent awareness first (Art. 33(5)). */
  public List<Breach> list() {
    return store.list();
  }

  /**
   * Every breach, in the order to work on them: those whose authority notification is overdue first,
   * earliest deadline first, then the rest, the one the controller became aware of most recently first
   * (Art. 33(1), 33(5)).
   */
  public List<Breach> byUrgency() {
    Instant now = clock.instant();
    List<Breach> all = store.list();
    return Stream.concat(
            all.stream()
                .filter(breach -> breach.isAuthorityOverdue(now))
                .sorted(Comparator.comparing(Breach::authorityDeadline)),
            all.stream().filter(breach -> !breach.isAuthorityOverdue(now)))
        .toList();
  }

  /** The breaches whose authority notification is past its 72 hours and not made, as of now (Art. 33(1)). */
  public List<Breach> overdue() {
    Instant now = clock.instant();
    return store.list().stream().filter(breach -> breach.isAuthorityOverdue(now)).toList();
  }

  /**
   * The transport that delivers the notices to subjects through the {@link BreachNotifier} and
   * audits each delivery and each notice given up on: route {@link #DESTINATION} to it in the
   * outbox's dispatcher. It is ready while the notifier can deliver.
   */
  public OutboxTransport transport() {
    return new OutboxTransport() {
      @Override
      public void deliver(OutboxMessage message) {
        if (!message.type().equals(NOTICE_TYPE)) {
          throw new IllegalArgumentException(
              "The breach notifier delivers " + NOTICE_TYPE + ", not " + message.type());
        }
        notifier.notifySubject(notice(message.payload()));
      }

      @Override
      public boolean ready() {
        return notifier.canDeliver();
      }

      @Override
      public Transactions transactions() {
        return transactions;
      }

      @Override
      public void delivered(OutboxMessage message, int attempts) {
        BreachNotice notice = notice(message.payload());
        audit.record(
            AuditEntry.of(AuditEventType.BREACH_NOTICE_DELIVERED)
                .withSubject(notice.subject())
                .withAttribute("breach", notice.breachId().toString())
                .withCount("attempts", attempts));
      }

      @Override
      public void failed(OutboxMessage message, int attempts, String failure, boolean dead) {
        if (dead) {
          BreachNotice notice = notice(message.payload());
          audit.record(
              AuditEntry.of(AuditEventType.BREACH_NOTICE_DEAD)
                  .withSubject(notice.subject())
                  .withAttribute("breach", notice.breachId().toString())
                  .withAttribute("failure", failure)
                  .withCount("attempts", attempts));
        }
      }
    };
  }

  private static String idempotencyKey(UUID breach, SubjectPseudonym subject) {
    // The subject's keyed pseudonym: the key stays in the outbox after the payload is cleared.
    return "art34:" + breach + ":" + subject.hex();
  }

  private static String payload(Breach breach, SubjectIdentifier subject) {
    return FlatJson.write(
        json -> {
          json.writeStringProperty("breachId", breach.id().toString());
          json.writeStringProperty("subjectType", subject.subjectType());
          json.writeStringProperty("subjectId", subject.value());
          json.writeStringProperty("nature", breach.report().nature());
          json.writeStringProperty("consequences", breach.report().consequences());
          json.writeStringProperty("measures", breach.report().measures());
          json.writeStringProperty("dpoContact", breach.report().dpoContact());
        });
  }

  private static BreachNotice notice(String payload) {
    Map<String, @Nullable String> fields = FlatJson.read(payload, "a breach notice");
    return new BreachNotice(
        UUID.fromString(field(fields, "breachId")),
        new SubjectIdentifier(
            field(fields, "subjectType"), SubjectType.ID, field(fields, "subjectId")),
        field(fields, "nature"),
        field(fields, "consequences"),
        field(fields, "measures"),
        field(fields, "dpoContact"));
  }

  private static String field(Map<String, @Nullable String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("A breach notice lacks its " + name);
    }
    return value;
  }

  private static AuditEntry entry(AuditEventType type, Breach breach) {
    return AuditEntry.of(type).withAttribute("breach", breach.id().toString());
  }

  private static IllegalStateException lostRace(UUID id) {
    return new IllegalStateException(
        "Breach "
            + id
            + " was changed by another caller at the same moment; read it"
            + " again and retry");
  }

  /** Configures a {@link BreachRegister}: by default on the system UTC clock, an in-memory outbox, no personal data. */
  public static final class Builder {

    private final BreachStore store;
    private final AuditTrail audit;
    private Clock clock = Clock.systemUTC();
    private @Nullable PersonalDataModel model;
    private @Nullable PersonalDataStore personalData;
    private Outbox outbox = Outbox.inMemory();
    private BreachNotifier notifier =
        new BreachNotifier() {
          @Override
          public void notifySubject(BreachNotice notice) {
            throw new IllegalStateException("No BreachNotifier is configured");
          }

          @Override
          public boolean canDeliver() {
            return false;
          }
        };

    private Builder(BreachStore store, AuditTrail audit) {
      this.store = requireNonNull(store, "store");
      this.audit = requireNonNull(audit, "audit");
    }

    /** The clock that stamps records and notifications and tells deadlines. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The model and store the subjects a breach affects are found in (Art. 33(3)(a), 34(1)). */
    public Builder personalData(PersonalDataModel model, PersonalDataStore store) {
      this.model = requireNonNull(model, "model");
      this.personalData = requireNonNull(store, "store");
      return this;
    }

    /** The outbox the notices to subjects are written to, in the transaction that decides them. */
    public Builder outbox(Outbox outbox) {
      this.outbox = requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * How subjects are told (Art. 34(1)); without one, notices wait in the outbox, never reported as
     * delivered.
     */
    public Builder notifier(BreachNotifier notifier) {
      this.notifier = requireNonNull(notifier, "notifier");
      return this;
    }

    /** The register. */
    public BreachRegister build() {
      return new BreachRegister(this);
    }
  }
}
