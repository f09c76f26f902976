package dev.lethe;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditTrail;
import dev.lethe.breach.BreachNotifier;
import dev.lethe.breach.BreachRegister;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.erasure.SuppressionList;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objections;
import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.outbox.OutboxDispatcher;
import dev.lethe.processing.ProcessingGuard;
import dev.lethe.records.Controller;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.RestrictionEnforcement;
import dev.lethe.restriction.Restrictions;
import dev.lethe.restriction.SubjectNotifier;
import dev.lethe.retention.LegalHolds;
import dev.lethe.retention.RetentionEnforcer;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.DeadlinePolicy;
import dev.lethe.rights.IdentityVerifier;
import dev.lethe.rights.RecipientNotifications;
import dev.lethe.rights.RequestIdentityRetention;
import dev.lethe.spi.Notification;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RecipientNotifier;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.subject.Pseudonymizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Lethe, assembled: one entry point that builds every service of the regulation's data-subject
 * rights and accountability over one model, one clock, one pseudonymisation key and one audit trail
 * (Art. 5(2)), so that what one service records the others see. Plain Java and the Spring Boot
 * starter build it the same way; the starter only turns {@code lethe.*} properties into calls of
 * this builder.
 *
 * <pre>{@code
 * JpaPersonalDataStore store = JpaPersonalDataStore.of(emf, pseudonymizer);
 * Lethe lethe = Lethe.builder(store.model(), pseudonymizer)
 *     .stores(clock -> JdbcStores.of(dataSource, clock))
 *     .personalData(store)
 *     .build();
 * RightsRequest request = lethe.rights().submit(RequestType.ERASURE, subject, Channel.WEB);
 * }</pre>
 *
 * <p>Built without {@link Builder#personalData personal data}, requests are only tracked and the
 * application carries them out itself. A personal-data store that can enforce restrictions on
 * changes made outside Lethe ({@link RestrictionEnforcement}, such as lethe-jpa's) is handed this
 * graph's {@link #restrictions()} when it is built (Art. 18(2)).
 */
public final class Lethe {

  private final PersonalDataModel model;
  private final Clock clock;
  private final ZoneId zone;
  private final LetheStores stores;
  private final DeadlinePolicy deadlines;
  private final @Nullable PersonalDataStore personalData;
  private final @Nullable Controller controller;
  private final AuditTrail audit;
  private final Acknowledgements acknowledgements;
  private final RecipientNotifications recipientNotifications;
  private final SuppressionList suppressionList;
  private final ConsentLedger consent;
  private final Objections objections;
  private final Restrictions restrictions;
  private final ProcessingGuard guard;
  private final BreachRegister breaches;
  private final @Nullable LegalHolds legalHolds;
  private final DataSubjectRights rights;

  private Lethe(Builder builder) {
    this.model = builder.model;
    this.clock = builder.clock;
    this.zone = builder.zone != null ? builder.zone : clock.getZone();
    this.stores = builder.stores.apply(clock);
    this.deadlines = builder.deadlines;
    this.personalData = builder.personalData;
    this.controller = builder.controller;
    // One person, one pseudonym: identities are keyed in the form the model compares them in.
    Pseudonymizer pseudonymizer = builder.pseudonymizer.withIdentityMatch(model::identityMatch);
    AuditTrail.Builder trail =
        AuditTrail.builder(stores.audit(), pseudonymizer)
            .clock(clock)
            .transactions(stores.transactions())
            .checkpointEvery(builder.checkpointEvery);
    if (builder.chainKey != null) {
      trail.chainKey(builder.chainKey);
    }
    this.audit = trail.build();
    Acknowledgements.Builder acknowledging =
        Acknowledgements.builder(builder.participants, audit, stores.outbox())
            .store(stores.acknowledgements())
            .clock(clock);
    if (builder.serviceName != null) {
      acknowledging.name(builder.serviceName);
    }
    this.acknowledgements = acknowledging.build();
    this.recipientNotifications =
        RecipientNotifications.builder(builder.recipientNotifier, audit)
            .outbox(stores.outbox())
            .clock(clock)
            .acknowledgements(acknowledgements)
            .build();
    this.suppressionList = SuppressionList.of(stores.suppressions(), pseudonymizer, clock);
    this.consent =
        ConsentLedger.builder(model, audit)
            .store(stores.consents())
            .recipientNotifications(recipientNotifications)
            .clock(clock)
            .digitalConsentAge(builder.digitalConsentAge)
            .build();
    this.objections =
        Objections.builder(model, audit, suppressionList)
            .directMarketing(builder.directMarketing.toArray(String[]::new))
            .store(stores.objections())
            .requests(stores.requests())
            .recipientNotifications(recipientNotifications)
            .clock(clock)
            .build();
    this.restrictions =
        Restrictions.builder(model, audit, recipientNotifications, builder.subjectNotifier)
            .store(stores.restrictions())
            .requests(stores.requests())
            .clock(clock)
            .build();
    this.guard = ProcessingGuard.of(model, consent, objections, restrictions, suppressionList);
    BreachRegister.Builder register =
        BreachRegister.builder(stores.breaches(), audit).outbox(stores.outbox()).clock(clock);
    if (builder.breachNotifier != null) {
      register.notifier(builder.breachNotifier);
    }
    DataSubjectRights.Builder rightsBuilder =
        DataSubjectRights.builder(audit)
            .clock(clock)
            .zone(zone)
            .deadlinePolicy(deadlines)
            .requestStore(stores.requests())
            .identityVerifier(builder.identityVerifier)
            .legalHolds(stores.legalHolds())
            .recipientNotifications(recipientNotifications)
            .erasureTombstones(stores.tombstones())
            .erasureListener(builder.erasureListener)
            .carriedOut(this::notCarriedOut);
    if (controller != null) {
      rightsBuilder.transfers(controller.transferInformation());
    }
    if (builder.suppressAfterErasure) {
      rightsBuilder.suppressAfterErasure(suppressionList);
    }
    if (personalData != null) {
      rightsBuilder.personalData(model, personalData);
      register.personalData(model, personalData);
      if (personalData instanceof RestrictionEnforcement enforcement) {
        enforcement.enforce(restrictions);
      }
    }
    this.breaches = register.build();
    this.rights = rightsBuilder.build();
    this.legalHolds =
        personalData == null
            ? null
            : LegalHolds.of(stores.legalHolds(), model, personalData, audit, clock);
  }

  /**
   * Why a restriction or objection request is not carried out yet: marked fulfilled, it would say the
   * processing stopped while it goes on (Art. 18(1), 21).
   */
  private Optional<String> notCarriedOut(RightsRequest request) {
    return switch (request.type()) {
      case RESTRICTION ->
          restrictions.restriction(request.subject()).isPresent()
              ? Optional.empty()
              : Optional.of(
                  "no restriction of its subject's processing stands; restrict it on a ground"
                      + " first (Restrictions.restrict, Art. 18(1))");
      // One that stood already when the subject asked counts: objecting again changes nothing.
      case OBJECTION ->
          objections.objections(request.subject()).stream()
                  .anyMatch(
                      objection ->
                          objection.stands()
                              || !objection.objectedAt().isBefore(request.receivedAt()))
              ? Optional.empty()
              : Optional.of(
                  "no objection of its subject was recorded for it; record the objection to a"
                      + " purpose first (Objections.objectFor, Art. 21)");
      default -> Optional.empty();
    };
  }

  /**
   * A builder over {@code model}, whose subjects {@code pseudonymizer} turns into pseudonyms in the
   * audit and Lethe's own records (Art. 4(5), 32(1)(a)). Keep its key for the life of the stores: a
   * new key makes the subjects already recorded unknown.
   */
  public static Builder builder(PersonalDataModel model, Pseudonymizer pseudonymizer) {
    return new Builder(
        requireNonNull(model, "model"), requireNonNull(pseudonymizer, "pseudonymizer"));
  }

  /** The model every service plans from. */
  public PersonalDataModel model() {
    return model;
  }

  /** The clock every service stamps with. */
  public Clock clock() {
    return clock;
  }

  /** The controller's zone, in which days and due dates are told (Art. 12(3)). */
  public ZoneId zone() {
    return zone;
  }

  /** The stores the services keep their records in. */
  public LetheStores stores() {
    return stores;
  }

  /** The personal-data store requests are carried out on, if one was given. */
  public Optional<PersonalDataStore> personalData() {
    return Optional.ofNullable(personalData);
  }

  /** The one audit trail every service records in (Art. 5(2)). */
  public AuditTrail audit() {
    return audit;
  }

  /** Data-subject rights requests (Art. 12 to 22). */
  public DataSubjectRights rights() {
    return rights;
  }

  /** Consent given and withdrawn (Art. 7, 8). */
  public ConsentLedger consent() {
    return consent;
  }

  /** Objections (Art. 21). */
  public Objections objections() {
    return objections;
  }

  /** Restrictions of processing (Art. 18). */
  public Restrictions restrictions() {
    return restrictions;
  }

  /** Whether a subject's data may be processed for a purpose now (Art. 6, 7(3), 18, 21). */
  public ProcessingGuard guard() {
    return guard;
  }

  /** The subjects not to contact again (Art. 21(3)). */
  public SuppressionList suppressionList() {
    return suppressionList;
  }

  /** Rectifications, erasures and restrictions passed on to recipients through the outbox (Art. 19). */
  public RecipientNotifications recipientNotifications() {
    return recipientNotifications;
  }

  /** The participants' acknowledgements of this service's notices (Art. 17(2), 19). */
  public Acknowledgements acknowledgements() {
    return acknowledgements;
  }

  /** The breach register (Art. 33(5)), telling subjects through the outbox (Art. 34). */
  public BreachRegister breaches() {
    return breaches;
  }

  /**
   * Legal holds placed and lifted, audited (Art. 17(3)(e)).
   *
   * @throws IllegalStateException if Lethe was built without personal data, in which holds find no subject
   */
  public LegalHolds legalHolds() {
    if (legalHolds == null) {
      throw new IllegalStateException(
          "Lethe was built without personal data, so legal holds find no subject:"
              + " give Lethe.builder(..).personalData(store)");
    }
    return legalHolds;
  }

  /** Closed requests lose their subject's identity {@code period} after they closed (Art. 5(1)(e)). */
  public RequestIdentityRetention requestIdentityRetention(Period period) {
    return RequestIdentityRetention.of(stores.requests(), audit, period, clock, zone);
  }

  /**
   * A retention enforcer over {@code sweeper} (Art. 5(1)(e), 17(1)(a)) on this graph's clock, zone,
   * legal holds and run log; set its batch size or listeners, then build it.
   */
  public RetentionEnforcer.Builder retention(RetentionSweeper sweeper) {
    return RetentionEnforcer.builder(model, sweeper)
        .clock(clock)
        .zone(zone)
        .legalHolds(stores.legalHolds())
        .runLog(stores.retentionRuns());
  }

  /**
   * A dispatcher of the outbox on this graph's clock (Art. 19, 34): the messages for each destination
   * in {@code routes} through its transport (other services over a broker, processors over
   * webhooks), breach notices through the breach notifier, every other recipient's notice through
   * the recipient notifier. Set its batch size, back-off or lease, then build it.
   */
  public OutboxDispatcher.Builder dispatcher(Map<String, OutboxTransport> routes) {
    Map<String, OutboxTransport> all = new LinkedHashMap<>(requireNonNull(routes, "routes"));
    all.put(BreachRegister.DESTINATION, breaches.transport());
    return OutboxDispatcher.builder(stores.outbox(), recipientNotifications.transport(all))
        .clock(clock);
  }

  /** Administrators' retries of dead notices and the outbox's storage limitation (Art. 5(1)(e), 19). */
  public OutboxAdministration.Builder outboxAdministration() {
    return OutboxAdministration.builder(stores.outbox(), audit).clock(clock);
  }

  /**
   * The record of processing activities (Art. 30), with the copies of personal data the store found
   * and cannot erase (Art. 17(2)).
   *
   * @throws IllegalStateException if Lethe was built without a {@link Builder#controller controller}
   */
  public RecordOfProcessing records() {
    RecordOfProcessing record = RecordOfProcessing.of(model, requireController());
    return personalData == null ? record : record.withOtherCopies(personalData.otherCopies());
  }

  /**
   * The privacy notice (Art. 13, 14), telling the response times of the deadline policy, dated the
   * first day its version was seen: kept in the consent store, so that it stays the same across
   * restarts and replicas.
   *
   * @throws IllegalStateException if Lethe was built without a {@link Builder#controller controller}
   */
  public PrivacyNotice privacyNotice() {
    PrivacyNotice notice = PrivacyNotice.of(model, requireController());
    notice =
        stores
            .consents()
            .noticeVersionAppliesFrom(notice.version(), LocalDate.now(clock.withZone(zone)))
            .map(notice::withDate)
            .orElse(notice);
    DeadlinePolicy article12 = DeadlinePolicy.article12();
    for (RequestType type : RequestType.values()) {
      // Consent is withdrawn at once (Art. 7(3)), not answered within a period.
      if (type != RequestType.CONSENT_WITHDRAWAL
          && !deadlines.period(type).equals(article12.period(type))) {
        notice = notice.withResponseTime(type.right(), deadlines.period(type));
      }
    }
    return notice;
  }

  private Controller requireController() {
    if (controller == null) {
      throw new IllegalStateException(
          "Lethe was built without a controller: give Lethe.builder(..).controller(..)"
              + " the controller's description (Art. 13(1)(a), 30(1)(a))");
    }
    return controller;
  }

  /**
   * Configures {@link Lethe}. Every part but the model and the pseudonymizer has a default: the system
   * UTC clock and its zone, stores in memory, an identity check for every request, the deadlines of
   * Art. 12(3), and notifiers that let nothing be told until the application says how: notices to
   * recipients and breach notices wait in the outbox, and a restriction cannot be lifted.
   */
  public static final class Builder {

    private final PersonalDataModel model;
    private final Pseudonymizer pseudonymizer;
    private Clock clock = Clock.systemUTC();
    private @Nullable ZoneId zone;
    private Function<Clock, LetheStores> stores = LetheStores::inMemory;
    private @Nullable PersonalDataStore personalData;
    private @Nullable Controller controller;
    private DeadlinePolicy deadlines = DeadlinePolicy.article12();
    private IdentityVerifier identityVerifier = IdentityVerifier.always();
    private RecipientNotifier recipientNotifier = new UntoldRecipients();
    private SubjectNotifier subjectNotifier =
        (subject, restriction) -> {
          throw new IllegalStateException(
              "No SubjectNotifier is configured: give Lethe one that tells the subject"
                  + " before a restriction is lifted (Art. 18(3))");
        };
    private @Nullable BreachNotifier breachNotifier;
    private Consumer<ErasureReceipt> erasureListener = receipt -> {};
    private boolean suppressAfterErasure;
    private int digitalConsentAge = ConsentLedger.DEFAULT_DIGITAL_CONSENT_AGE;
    private List<String> directMarketing = List.of();
    private Collection<String> participants = List.of();
    private @Nullable String serviceName;
    private byte @Nullable [] chainKey;
    private int checkpointEvery = AuditTrail.DEFAULT_CHECKPOINT_INTERVAL;

    private Builder(PersonalDataModel model, Pseudonymizer pseudonymizer) {
      this.model = model;
      this.pseudonymizer = pseudonymizer;
    }

    /** The clock that stamps every record and tells today (Art. 12(3)). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The controller's zone, in which days and due dates are told (Art. 12(3)); the clock's by default. */
    public Builder zone(ZoneId zone) {
      this.zone = requireNonNull(zone, "zone");
      return this;
    }

    /**
     * The stores, made on the builder's clock, such as {@code clock -> JdbcStores.of(dataSource,
     * clock)} of lethe-jdbc; in memory by default.
     */
    public Builder stores(Function<Clock, LetheStores> stores) {
      this.stores = requireNonNull(stores, "stores");
      return this;
    }

    /**
     * The personal data Lethe acts on, described by the builder's model: the model plans, the store
     * executes. Without it, requests are only tracked and the application carries them out itself.
     */
    public Builder personalData(PersonalDataStore personalData) {
      this.personalData = requireNonNull(personalData, "personalData");
      return this;
    }

    /**
     * The controller (Art. 4(7)): its transfers are named in access reports (Art. 15(2)), and it
     * heads the record of processing (Art. 30) and the privacy notice (Art. 13, 14).
     */
    public Builder controller(Controller controller) {
      this.controller = requireNonNull(controller, "controller");
      return this;
    }

    /** When requests are due (Art. 12(3)); the privacy notice tells the same periods. */
    public Builder deadlines(DeadlinePolicy deadlines) {
      this.deadlines = requireNonNull(deadlines, "deadlines");
      return this;
    }

    /** Which requests need an identity check first (Art. 12(6)); every one by default. */
    public Builder identityVerifier(IdentityVerifier identityVerifier) {
      this.identityVerifier = requireNonNull(identityVerifier, "identityVerifier");
      return this;
    }

    /** How recipients are told of rectifications, erasures and restrictions (Art. 19). */
    public Builder recipientNotifier(RecipientNotifier recipientNotifier) {
      this.recipientNotifier = requireNonNull(recipientNotifier, "recipientNotifier");
      return this;
    }

    /** How a subject is told before their restriction is lifted (Art. 18(3)). */
    public Builder subjectNotifier(SubjectNotifier subjectNotifier) {
      this.subjectNotifier = requireNonNull(subjectNotifier, "subjectNotifier");
      return this;
    }

    /** How subjects are told of a breach (Art. 34). */
    public Builder breachNotifier(BreachNotifier breachNotifier) {
      this.breachNotifier = requireNonNull(breachNotifier, "breachNotifier");
      return this;
    }

    /** Called with every erasure's receipt after it committed (Art. 5(2)); the receipt holds no personal data. */
    public Builder erasureListener(Consumer<ErasureReceipt> erasureListener) {
      this.erasureListener = requireNonNull(erasureListener, "erasureListener");
      return this;
    }

    /** Whether an erased subject's contact identities go on the suppression list (Art. 21(3)); off by default. */
    public Builder suppressAfterErasure(boolean suppress) {
      this.suppressAfterErasure = suppress;
      return this;
    }

    /** The age from which a child may consent to information society services (Art. 8(1)); 16 by default. */
    public Builder digitalConsentAge(int years) {
      this.digitalConsentAge = ConsentLedger.requireDigitalConsentAge(years);
      return this;
    }

    /** The purposes that are direct marketing, to which an objection always applies (Art. 21(2), 21(3)). */
    public Builder directMarketing(Collection<String> purposes) {
      this.directMarketing = List.copyOf(purposes);
      return this;
    }

    /** This service's name, as the other services declare it among their recipients (Art. 17(2), 19). */
    public Builder serviceName(String serviceName) {
      this.serviceName = requireNonNull(serviceName, "serviceName");
      return this;
    }

    /** The other services that carry out this service's requests on their own data and acknowledge them. */
    public Builder participants(Collection<String> participants) {
      this.participants = List.copyOf(participants);
      return this;
    }

    /** The key of the audit chain's hashes; derived from the pseudonymizer's by default. */
    public Builder chainKey(byte[] chainKey) {
      this.chainKey = chainKey.clone();
      return this;
    }

    /** Every how many audit events a checkpoint is written. */
    public Builder checkpointEvery(int events) {
      this.checkpointEvery = events;
      return this;
    }

    /**
     * Lethe, built: the stores made, the services wired, and a store that enforces restrictions
     * handed them.
     *
     * @throws IllegalStateException if participants are named without this service's name, under
     *     which their share of an access report comes back and is cleared (Art. 5(1)(e), 15)
     */
    public Lethe build() {
      if (!participants.isEmpty() && serviceName == null) {
        throw new IllegalStateException(
            "Participants are named, but not this service: give Lethe.builder(..).serviceName(..)"
                + " the name the participants know it by");
      }
      return new Lethe(this);
    }
  }

  /** Notices to recipients wait in the outbox until the application says how to deliver them. */
  private static final class UntoldRecipients implements RecipientNotifier {
    @Override
    public void notifyRecipient(String recipient, Notification notification) {
      throw new IllegalStateException(
          "No RecipientNotifier is configured: give Lethe one that tells recipients"
              + " (Art. 19)");
    }

    @Override
    public boolean canDeliver() {
      return false;
    }
  }
}
