package dev.lethe;

import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditSink;
import dev.lethe.breach.BreachStore;
import dev.lethe.consent.ConsentStore;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.erasure.SuppressionStore;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.retention.RetentionRunLog;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.AcknowledgementStore;
import dev.lethe.spi.ErasureTombstoneStore;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.ReceiptStore;
import dev.lethe.spi.Transactions;
import java.time.Clock;

/**
 * Where {@link Lethe} keeps what it knows, so that it can show it was compliant (Art. 5(2)): the
 * requests, the audit, consent, objections, restrictions, legal holds, the suppression list,
 * breaches, erasure tombstones, retention runs, the outbox of notices (Art. 19) and the other
 * services' acknowledgements, with the {@link Transactions} they join. In memory unless replaced:
 * lethe-jdbc's {@code JdbcStores.of(dataSource, clock)} gives the durable ones over one database.
 */
public final class LetheStores {

  private final RequestStore requests;
  private final AuditSink audit;
  private final ConsentStore consents;
  private final ObjectionStore objections;
  private final RestrictionStore restrictions;
  private final LegalHoldStore legalHolds;
  private final SuppressionStore suppressions;
  private final BreachStore breaches;
  private final ErasureTombstoneStore tombstones;
  private final RetentionRunLog retentionRuns;
  private final Outbox outbox;
  private final AcknowledgementStore acknowledgements;
  private final ReceiptStore receipts;
  private final Transactions transactions;

  private LetheStores(Builder builder) {
    this.requests = builder.requests;
    this.audit = builder.audit;
    this.consents = builder.consents;
    this.objections = builder.objections;
    this.restrictions = builder.restrictions;
    this.legalHolds = builder.legalHolds;
    this.suppressions = builder.suppressions;
    this.breaches = builder.breaches;
    this.tombstones = builder.tombstones;
    this.retentionRuns = builder.retentionRuns;
    this.outbox = builder.outbox;
    this.acknowledgements = builder.acknowledgements;
    this.receipts = builder.receipts;
    this.transactions = builder.transactions;
  }

  /** Every store in memory, each committing on its own: for tests and for plain use that keeps nothing. */
  public static LetheStores inMemory(Clock clock) {
    return builder(clock).build();
  }

  /** A builder whose every store is in memory until replaced, telling time by {@code clock}. */
  public static Builder builder(Clock clock) {
    return new Builder(requireNonNull(clock, "clock"));
  }

  /** The rights requests (Art. 12). */
  public RequestStore requests() {
    return requests;
  }

  /** The audit trail's events (Art. 5(2)). */
  public AuditSink audit() {
    return audit;
  }

  /** Consent given and withdrawn (Art. 7(1)). */
  public ConsentStore consents() {
    return consents;
  }

  /** Objections (Art. 21). */
  public ObjectionStore objections() {
    return objections;
  }

  /** Restrictions standing (Art. 18). */
  public RestrictionStore restrictions() {
    return restrictions;
  }

  /** Legal holds (Art. 17(3)(e)). */
  public LegalHoldStore legalHolds() {
    return legalHolds;
  }

  /** The suppression list of subjects not to contact again (Art. 21(3)). */
  public SuppressionStore suppressions() {
    return suppressions;
  }

  /** The breach register (Art. 33(5)). */
  public BreachStore breaches() {
    return breaches;
  }

  /** Tombstones of erased subjects, to erase them again after a restore (Art. 17(1)). */
  public ErasureTombstoneStore tombstones() {
    return tombstones;
  }

  /** Where each retention run records how far it got (Art. 5(1)(e)). */
  public RetentionRunLog retentionRuns() {
    return retentionRuns;
  }

  /** Notices waiting for delivery (Art. 19, 34). */
  public Outbox outbox() {
    return outbox;
  }

  /** The participants' acknowledgements of this service's notices (Art. 17(2), 19). */
  public AcknowledgementStore acknowledgements() {
    return acknowledgements;
  }

  /** The receipts this service sends as a participant. */
  public ReceiptStore receipts() {
    return receipts;
  }

  /** The transactions the stores join: one operation's writes commit together or not at all. */
  public Transactions transactions() {
    return transactions;
  }

  /** Configures {@link LetheStores}; every store not given stays in memory. */
  public static final class Builder {

    private RequestStore requests;
    private AuditSink audit = AuditSink.inMemory();
    private ConsentStore consents = ConsentStore.inMemory();
    private ObjectionStore objections = ObjectionStore.inMemory();
    private RestrictionStore restrictions = RestrictionStore.inMemory();
    private LegalHoldStore legalHolds = LegalHoldStore.inMemory();
    private SuppressionStore suppressions = SuppressionStore.inMemory();
    private BreachStore breaches = BreachStore.inMemory();
    private ErasureTombstoneStore tombstones = ErasureTombstoneStore.inMemory();
    private RetentionRunLog retentionRuns = RetentionRunLog.inMemory();
    private Outbox outbox = Outbox.inMemory();
    private AcknowledgementStore acknowledgements = AcknowledgementStore.inMemory();
    private ReceiptStore receipts = ReceiptStore.inMemory();
    private Transactions transactions = Transactions.direct();

    private Builder(Clock clock) {
      this.requests = RequestStore.inMemory(clock);
    }

    /** Where rights requests are kept. */
    public Builder requests(RequestStore requests) {
      this.requests = requireNonNull(requests, "requests");
      return this;
    }

    /** Where the audit trail's events are kept. */
    public Builder audit(AuditSink audit) {
      this.audit = requireNonNull(audit, "audit");
      return this;
    }

    /** Where consent is kept. */
    public Builder consents(ConsentStore consents) {
      this.consents = requireNonNull(consents, "consents");
      return this;
    }

    /** Where objections are kept. */
    public Builder objections(ObjectionStore objections) {
      this.objections = requireNonNull(objections, "objections");
      return this;
    }

    /** Where restrictions are kept. */
    public Builder restrictions(RestrictionStore restrictions) {
      this.restrictions = requireNonNull(restrictions, "restrictions");
      return this;
    }

    /** Where legal holds are kept. */
    public Builder legalHolds(LegalHoldStore legalHolds) {
      this.legalHolds = requireNonNull(legalHolds, "legalHolds");
      return this;
    }

    /** Where the suppression list is kept. */
    public Builder suppressions(SuppressionStore suppressions) {
      this.suppressions = requireNonNull(suppressions, "suppressions");
      return this;
    }

    /** Where breaches are kept. */
    public Builder breaches(BreachStore breaches) {
      this.breaches = requireNonNull(breaches, "breaches");
      return this;
    }

    /** Where erasure tombstones are kept. */
    public Builder tombstones(ErasureTombstoneStore tombstones) {
      this.tombstones = requireNonNull(tombstones, "tombstones");
      return this;
    }

    /** Where retention runs are logged. */
    public Builder retentionRuns(RetentionRunLog retentionRuns) {
      this.retentionRuns = requireNonNull(retentionRuns, "retentionRuns");
      return this;
    }

    /** Where notices wait for delivery. */
    public Builder outbox(Outbox outbox) {
      this.outbox = requireNonNull(outbox, "outbox");
      return this;
    }

    /** Where participants' acknowledgements are kept. */
    public Builder acknowledgements(AcknowledgementStore acknowledgements) {
      this.acknowledgements = requireNonNull(acknowledgements, "acknowledgements");
      return this;
    }

    /** Where this service's receipts as a participant are kept. */
    public Builder receipts(ReceiptStore receipts) {
      this.receipts = requireNonNull(receipts, "receipts");
      return this;
    }

    /** The transactions the stores join; without them each store commits on its own. */
    public Builder transactions(Transactions transactions) {
      this.transactions = requireNonNull(transactions, "transactions");
      return this;
    }

    /** The stores, as configured. */
    public LetheStores build() {
      return new LetheStores(this);
    }
  }
}
