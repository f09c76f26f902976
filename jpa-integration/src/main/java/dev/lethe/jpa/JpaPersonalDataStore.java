package dev.lethe.jpa;

import static java.util.Objects.requireNonNull;

import dev.lethe.crypto.SubjectKeys;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.OtherCopy;
import dev.lethe.erasure.RetentionTask;
import dev.lethe.jpa.internal.CopyInventory;
import dev.lethe.jpa.internal.Encryption;
import dev.lethe.jpa.internal.Eraser;
import dev.lethe.jpa.internal.FieldEncryption;
import dev.lethe.jpa.internal.JpaMapping;
import dev.lethe.jpa.internal.MappingProblem;
import dev.lethe.jpa.internal.MappingProblemsException;
import dev.lethe.jpa.internal.Reader;
import dev.lethe.jpa.internal.Rectifier;
import dev.lethe.jpa.internal.RestrictionGuard;
import dev.lethe.jpa.internal.RowsByTime;
import dev.lethe.jpa.internal.SchemaVerifier;
import dev.lethe.jpa.internal.Sessions;
import dev.lethe.jpa.internal.Sweeper;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectType;
import dev.lethe.request.Rectification;
import dev.lethe.restriction.RestrictionEnforcement;
import dev.lethe.restriction.Restrictions;
import dev.lethe.spi.FieldEraser;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personal-data store over a JPA {@link EntityManagerFactory} (Hibernate ORM 7): access
 * (Art. 15, 20), rectification (Art. 16), erasure (Art. 17) and retention (Art. 5(1)(e)) on the
 * application's own tables, and restriction of processing (Art. 18) enforced on them.
 *
 * <pre>{@code
 * JpaPersonalDataStore store = JpaPersonalDataStore.of(entityManagerFactory, Pseudonymizer.withKey(key));
 * PersonalDataModel model = store.model();
 * }</pre>
 *
 * <p>At creation it discovers the model from the factory's metamodel: every entity, its
 * identifier, its owning to-one and many-to-many associations and its embeddables are contributed
 * to {@link PersonalDataModel#builder()} before validation, so routes to subjects follow the
 * mapping several hops deep, and an entity with personal data that reaches no subject fails at
 * once. A mapping the store cannot handle fails with an {@link UnsupportedMappingException} naming
 * entity and attribute.
 *
 * <p>At creation it also checks every erasure and retention rule against the database's own schema
 * (JDBC metadata) and the entities' Bean Validation constraints, so that an accepted model can
 * always be erased (Art. 17(1)): a placeholder or a 64-character keyed hash longer than its column,
 * null written into a NOT NULL column or a primitive, a constant placeholder or a mask in a unique
 * column or an element {@code Set}, a placeholder or null that fails the attribute's constraints,
 * and a deleted row still referred to by a NOT NULL foreign key of rows that stay are all refused
 * together, in one {@link UnsupportedMappingException}. Rows that stay and refer to a deleted row
 * through a nullable key are detached (the key nulled) in the same transaction.
 *
 * <p>Export streams one tuple query per entity type; erasure runs set-based statements in one
 * transaction, whose number grows with entity types and not rows; rectification goes through the
 * entity so that Bean Validation and entity listeners run. Erasure, rectification and subject
 * look-ups join the operation's transaction when the builder's {@link Builder#currentEntityManager}
 * or {@link Builder#currentConnection} finds one, so that they commit with the request's new state
 * and its audit event (Art. 5(1)(f), 5(2)); otherwise, and for previews, exports and retention
 * batches, the store begins and ends its own resource-local transactions. Thread-safe.
 *
 * <p>It is also the {@link RetentionSweeper} of {@link dev.lethe.retention.RetentionEnforcer}
 * (Art. 5(1)(e)): batches are deleted by range or selected with {@code FOR UPDATE SKIP LOCKED},
 * so several instances may enforce retention at once, each row processed once; a policy whose clock column leads no index is warned about once,
 * at creation, and on PostgreSQL one whose index lacks the key after the clock is advised about. Handed {@link #enforce(Restrictions) restrictions}, as {@code Lethe} does when built over
 * it, it registers Hibernate listeners on the factory that refuse changes to a restricted subject's
 * rows (Art. 18(2)).
 *
 * <p>At creation it lists the copies of the model's personal data that its erasure cannot reach
 * (Art. 17(1), 17(2), 30(1)): triggers on the model's tables, views and materialized views over
 * them, PostgreSQL publications of them, Envers history tables while Envers is off, second-level
 * and query caches, and unmapped tables carrying a model table's personal column names. Each is
 * logged as a warning and kept in {@link #otherCopies()}; with
 * {@link Builder#refuseOtherCopies(boolean) refuseOtherCopies(true)} the store refuses to start.
 */
public final class JpaPersonalDataStore
    implements PersonalDataStore, RetentionSweeper, RestrictionEnforcement {

  private final JpaMapping mapping;
  private final Reader reader;
  private final Eraser eraser;
  private final Rectifier rectifier;
  private final RowsByTime rowsByTime;
  private final Sweeper sweeper;
  private final EntityManagerFactory emf;
  private final Sessions sessions;
  private volatile @Nullable RestrictionGuard guard;
  private final Clock clock;
  private final List<OtherCopy> otherCopies;

  private static final Logger LOG = LoggerFactory.getLogger(JpaPersonalDataStore.class);

  private JpaPersonalDataStore(
      EntityManagerFactory emf,
      Pseudonymizer hashKey,
      Set<Class<?>> extraClasses,
      int fetchSize,
      boolean exportHistory,
      Clock clock,
      Supplier<Optional<EntityManager>> currentEntityManager,
      Supplier<Optional<Connection>> currentConnection,
      @Nullable Object subjectKeys,
      boolean refuseOtherCopies,
      Set<String> acceptedCopies) {
    this.emf = emf;
    this.sessions = new Sessions(emf, currentEntityManager, currentConnection);
    this.clock = clock;
    this.mapping = discover(emf, extraClasses);
    // Before anything else: an accepted model must be erasable on this schema, or the store does
    // not start.
    List<MappingProblem> problems = new ArrayList<>(SchemaVerifier.problems(emf, mapping));
    FieldEraser fieldEraser = new FieldEraser(hashKey);
    // Only a store with keys, or a model with @Encrypted attributes, loads lethe-crypto's classes.
    Encryption encryption = Encryption.NONE;
    if (subjectKeys != null || Encryption.declared(mapping)) {
      try {
        encryption = FieldEncryption.of(mapping, subjectKeys, fieldEraser);
      } catch (MappingProblemsException refused) {
        // One exception lists everything to fix, the schema's problems and the encryption's alike.
        problems.addAll(refused.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw unsupported(problems);
    }
    this.otherCopies = inventory(emf, mapping, refuseOtherCopies, acceptedCopies);
    if (encryption instanceof FieldEncryption listeners) {
      listeners.register();
    }
    this.reader =
        new Reader(sessions, mapping, fetchSize, exportHistory, HistoryRowId::new, encryption);
    this.eraser = new Eraser(sessions, mapping, reader, fieldEraser, encryption);
    this.rectifier = new Rectifier(sessions, mapping, reader);
    this.rowsByTime = new RowsByTime(sessions, mapping);
    this.sweeper = new Sweeper(emf, mapping, eraser);
    sweeper.warnAboutMissingIndexes();
  }

  /**
   * Refuses, from now on, every change to a restricted subject's rows on this factory (Art. 18(2)):
   * registers Hibernate listeners before every update, delete and collection change, which throw
   * {@link ProcessingRestrictedException} and roll the transaction back; and lets this store's own
   * erasure and rectification pass only where Art. 18(2) allows. Bulk JPQL or SQL written by the
   * application reaches no listener and is not checked. {@code Lethe.builder(..).personalData(store)}
   * calls it when Lethe is built.
   *
   * @throws IllegalStateException if this store, or another store over the same factory, already
   *     enforces restrictions
   */
  @Override
  public synchronized void enforce(Restrictions restrictions) {
    requireNonNull(restrictions, "restrictions");
    if (guard != null) {
      throw new IllegalStateException(
          "This JpaPersonalDataStore already enforces restrictions: build Lethe over it" + " once");
    }
    RestrictionGuard enforcing =
        new RestrictionGuard(
            mapping, RestrictionGuard.Lookup.of(restrictions), ProcessingRestrictedException::new);
    enforcing.register();
    this.guard = enforcing;
  }

  /** The mapping of {@code emf}'s entities, or an {@link UnsupportedMappingException} listing what it cannot handle. */
  private static JpaMapping discover(EntityManagerFactory emf, Set<Class<?>> extraClasses) {
    try {
      return JpaMapping.discover(emf, extraClasses);
    } catch (MappingProblemsException refused) {
      throw unsupported(refused.problems());
    }
  }

  /**
   * The machinery's {@code problems} as the exception the application catches, problem for problem and
   * so with the same message: the machinery reports them in a type of its own, as it never names this
   * package, which depends on it.
   */
  private static UnsupportedMappingException unsupported(List<MappingProblem> problems) {
    return new UnsupportedMappingException(
        problems.stream()
            .map(
                problem ->
                    new UnsupportedMappingException.Problem(
                        problem.entity(), problem.attribute(), problem.problem(), problem.fix()))
            .toList());
  }

  private static List<OtherCopy> inventory(
      EntityManagerFactory emf, JpaMapping mapping, boolean refuse, Set<String> accepted) {
    List<OtherCopy> copies = CopyInventory.find(emf, mapping);
    List<OtherCopy> unaccepted =
        copies.stream()
            .filter(copy -> !accepted.contains(copy.where().toLowerCase(Locale.ROOT)))
            .toList();
    for (OtherCopy copy : copies) {
      if (unaccepted.contains(copy)) {
        LOG.warn("A copy of personal data that erasure cannot reach (Art. 17): {}", copy);
      } else {
        LOG.info(
            "An accepted copy of personal data that erasure cannot reach (Art. 17): {}",
            copy.where());
      }
    }
    if (refuse && !unaccepted.isEmpty()) {
      throw new OtherCopiesException(unaccepted);
    }
    return copies;
  }

  /**
   * The store over {@code emf}'s entities, whose erasure strategy HASH uses {@code hashKey}
   * (Art. 4(5), 32).
   *
   * @throws UnsupportedMappingException if the mapping holds what the store cannot handle
   * @throws dev.lethe.model.ModelValidationException if the annotations are invalid
   */
  public static JpaPersonalDataStore of(EntityManagerFactory emf, Pseudonymizer hashKey) {
    return builder(emf, hashKey).build();
  }

  /** A builder, for extra annotated classes and the fetch size. */
  public static Builder builder(EntityManagerFactory emf, Pseudonymizer hashKey) {
    return new Builder(requireNonNull(emf, "emf"), requireNonNull(hashKey, "hashKey"));
  }

  /** The personal-data model discovered from the factory (Art. 30): the scope of every request. */
  public PersonalDataModel model() {
    return mapping.model();
  }

  /**
   * The copies of the model's personal data that erasure cannot reach, found when the store was
   * built, accepted ones included (Art. 17(1), 17(2), 30(1)): for the record of processing
   * ({@link dev.lethe.records.RecordOfProcessing#withOtherCopies}), an operator's dashboard, and the
   * recipients to tell of an erasure. Names database objects, never values; empty when none was found.
   */
  @Override
  public List<OtherCopy> otherCopies() {
    return otherCopies;
  }

  /** Art. 15(1): the keys of the subjects the identifier names; empty when it names nobody. */
  @Override
  public Set<SubjectKey> resolve(SubjectIdentifier identifier) {
    return reader.resolve(requireNonNull(identifier, "identifier"));
  }

  /**
   * Art. 17(1): the identifiers of every root row of the subject type, soft-deleted and filtered rows
   * included, streamed for {@link dev.lethe.rights.DataSubjectRights#reapplyErasures}; the caller
   * closes the stream.
   */
  @Override
  public Stream<Object> subjectIds(String subjectType) {
    return reader.subjectIds(requireNonNull(subjectType, "subjectType"));
  }

  /**
   * Art. 33(3)(a), 34(1): the subjects of the rows of exactly {@code entity}'s type whose date or time
   * attribute {@code attribute} lies in {@code [from, to)}, soft-deleted and filtered rows included,
   * along each route: one native statement per route, whatever the number of rows.
   *
   * @throws IllegalArgumentException if {@code attribute} is not a date or time attribute of the entity
   */
  @Override
  public Set<SubjectKey> subjectsWithRowsBetween(
      EntityDescriptor entity, String attribute, Instant from, Instant to) {
    requireNonNull(entity, "entity");
    requireNonNull(attribute, "attribute");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    return rowsByTime.subjects(entity, attribute, from, to);
  }

  /** Art. 15(3), 20(1): the subject's rows of the entity, streamed; the caller closes the stream. */
  @Override
  public Stream<SubjectRecord> records(SubjectKey subject, EntityDescriptor entity) {
    return reader.records(requireNonNull(subject, "subject"), requireNonNull(entity, "entity"));
  }

  /**
   * Art. 15(3), 20(1): the values of the subject's rows of the entity, streamed without reading the
   * rows' identifiers where the report needs none of them; the caller closes the stream.
   */
  @Override
  public Stream<Map<String, @Nullable Object>> values(SubjectKey subject, EntityDescriptor entity) {
    return reader.values(requireNonNull(subject, "subject"), requireNonNull(entity, "entity"));
  }

  /**
   * Art. 15(3), 20(1): runs {@code work} with the streams it opens one after another, such as a
   * report's sections, reading on one entity manager and one transaction: one connection from the
   * pool, one begin and one rollback for the whole report. A stream opened while another is still
   * open reads on an entity manager of its own, as it would outside (on MariaDB a second statement
   * on the connection would make the driver buffer the first one's rows). Whether {@code work}
   * returns or throws, every entity manager opened inside is rolled back and closed; streams must
   * be closed inside. Nothing outlives the call: the state is the thread's, for the call only.
   */
  @Override
  public <T, E extends Exception> T readingTogether(ReadWork<T, E> work) throws E {
    return reader.readingTogether(requireNonNull(work, "work"));
  }

  /**
   * Art. 17(1): executes the plan in one transaction; all of it is applied or none. With
   * {@linkplain #enforce restrictions}, the erasure of a subject whose processing is
   * restricted is refused, whatever the ground (Art. 18(2)): lift the restriction first.
   *
   * @throws ProcessingRestrictedException if the subject's processing is restricted; nothing changes
   */
  @Override
  public Map<Class<?>, ErasurePlan.RowCount> erase(ErasurePlan plan) {
    requireNonNull(plan, "plan");
    restriction(plan.subject())
        .map(RestrictionGuard.Standing::restriction)
        .ifPresent(
            restriction -> {
              String root =
                  model()
                      .subjectType(plan.subject().subjectType())
                      .flatMap(type -> model().entity(type.root()))
                      .map(EntityDescriptor::name)
                      .orElse(plan.subject().subjectType());
              throw new ProcessingRestrictedException(root, "erasure", restriction.ground());
            });
    return eraser.erase(plan);
  }

  /**
   * Art. 17(1), 5(2): what {@link #erase} would do with {@code plan}, changing nothing (a dry run).
   * The plan's very statements run in a transaction that is then rolled back, so that a plan that
   * would fail fails here, with nothing done; the receipt is the one {@link #erase} would give,
   * dated now.
   */
  public ErasureReceipt erasurePreview(ErasurePlan plan) {
    requireNonNull(plan, "plan");
    return ErasureReceipt.of(plan, eraser.preview(plan), clock.instant());
  }

  /**
   * Art. 17(1), 5(2): the receipt erasing {@code subject} on {@code ground} would give, all
   * {@code holds} applied, with nothing changed; see {@link #erasurePreview(ErasurePlan)}.
   *
   * @throws IllegalArgumentException if the model has no such subject type
   */
  public ErasureReceipt erasurePreview(
      SubjectKey subject, ErasureGround ground, Collection<LegalHold> holds) {
    return erasurePreview(
        ErasurePlan.of(
            model(),
            requireNonNull(subject, "subject"),
            requireNonNull(ground, "ground"),
            requireNonNull(holds, "holds")));
  }

  /**
   * Art. 16: applies the rectification through the entity, so that its constraints and listeners
   * run. With {@linkplain #enforce restrictions}, a subject whose processing is
   * restricted may be rectified only when the restriction is the one awaiting that correction,
   * {@link RestrictionGround#ACCURACY_CONTESTED} (Art. 18(1)(a)); on any other ground it is refused
   * (Art. 18(2)). Even then, a change of the identity the restriction was recorded under (a
   * customer's email, say) is refused: it would leave the restriction behind, under the old value.
   *
   * @throws ProcessingRestrictedException if the subject is restricted on another ground, or the
   *     rectification changes the identity its restriction was recorded under; nothing changes
   */
  @Override
  public void rectify(SubjectKey subject, Rectification rectification) {
    requireNonNull(subject, "subject");
    requireNonNull(rectification, "rectification");
    Optional<RestrictionGuard.Standing> standing = restriction(subject);
    if (standing.isPresent()) {
      String entity =
          model()
              .entity(rectification.entity())
              .map(EntityDescriptor::name)
              .orElse(rectification.entity().getSimpleName());
      RestrictionGround ground = standing.get().restriction().ground();
      if (ground != RestrictionGround.ACCURACY_CONTESTED) {
        throw new ProcessingRestrictedException(entity, "rectification", ground);
      }
      identityLosingRestriction(subject, rectification, standing.get().identity())
          .ifPresent(
              attribute -> {
                throw ProcessingRestrictedException.identityRectified(
                    entity, attribute, standing.get().identity(), ground);
              });
    }
    rectifier.rectify(subject, rectification);
  }

  /**
   * The attribute of the subject's root that {@code rectification} changes and that holds the
   * identity the restriction was recorded under: changed, the restriction would no longer be found.
   */
  private Optional<String> identityLosingRestriction(
      SubjectKey subject, Rectification rectification, String identity) {
    if (identity.equals(SubjectType.ID)) {
      return Optional.empty();
    }
    return model()
        .subjectType(subject.subjectType())
        .filter(type -> type.root().isAssignableFrom(rectification.entity()))
        .map(type -> type.identities().get(identity))
        .filter(rectification.changes()::containsKey);
  }

  private Optional<RestrictionGuard.Standing> restriction(SubjectKey subject) {
    RestrictionGuard enforcing = guard;
    return enforcing == null ? Optional.empty() : enforcing.restrictionOf(sessions, subject);
  }

  /**
   * Art. 5(1)(e): deletes or anonymises the next batch of at most {@code batchSize} expired rows
   * after the position {@code after}, in the order of their clock and key, in one transaction: deleted
   * by range where nothing else needs a look at each row, else locked with {@code FOR UPDATE SKIP
   * LOCKED} where the database supports it, so that instances sweeping at once never process a row
   * twice; rows of held subjects stay (Art. 17(3)(e)); anonymisation
   * counts only rows that change. Use it through {@link dev.lethe.retention.RetentionEnforcer}.
   *
   * @throws IllegalArgumentException if {@code batchSize} is not positive
   */
  @Override
  public Batch sweep(RetentionTask task, Optional<Object> after, int batchSize) {
    return sweeper.sweep(requireNonNull(task, "task"), requireNonNull(after, "after"), batchSize);
  }

  /** Art. 5(1)(e), 5(2): what {@link #sweep} would do to all expired rows now, changing nothing (a dry run). */
  @Override
  public Batch count(RetentionTask task) {
    return sweeper.count(requireNonNull(task, "task"));
  }

  /** The row lock retention batches take on this database, such as {@code for update skip locked}. */
  String lockClause() {
    return sweeper.lockClause();
  }

  @Override
  public String toString() {
    return "JpaPersonalDataStore[" + mapping.model() + "]";
  }

  /** Options for a {@link JpaPersonalDataStore}; not thread-safe, build once at start-up. */
  public static final class Builder {

    /** The default number of rows fetched per round trip while streaming an export. */
    public static final int DEFAULT_FETCH_SIZE = 500;

    private final EntityManagerFactory emf;
    private final Pseudonymizer hashKey;
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private boolean exportHistory;
    private Clock clock = Clock.systemUTC();
    private Supplier<Optional<EntityManager>> currentEntityManager = Optional::empty;
    private Supplier<Optional<Connection>> currentConnection = Optional::empty;
    private @Nullable Object subjectKeys;
    private boolean refuseOtherCopies;
    private final Set<String> acceptedCopies = new LinkedHashSet<>();

    private Builder(EntityManagerFactory emf, Pseudonymizer hashKey) {
      this.emf = emf;
      this.hashKey = hashKey;
    }

    /**
     * Adds annotated classes the metamodel does not list, such as a value type Hibernate maps
     * without {@code @Embeddable} (Art. 30). A class holding personal data must be an entity of
     * the factory, or the build fails: the store could neither export nor erase it.
     */
    public Builder classes(Class<?>... extra) {
      Arrays.stream(extra).map(type -> requireNonNull(type, "class")).forEach(classes::add);
      return this;
    }

    /** Rows fetched per round trip while streaming an export (Art. 15(3)); at least 1. */
    public Builder fetchSize(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("The fetch size must be at least 1, but is " + rows);
      }
      this.fetchSize = rows;
      return this;
    }

    /**
     * Whether the access export (Art. 15(3)) also holds the Hibernate Envers history of the
     * subject's audited rows: after an entity's rows, one record per history row with the values of
     * its audited attributes at that revision, and per audited collection one record per revision
     * with the elements recorded then, each identified by a {@link HistoryRowId}. Off by default:
     * the history repeats the rows' values, and portability (Art. 20) asks for the data as it is.
     */
    public Builder exportHistory(boolean include) {
      this.exportHistory = include;
      return this;
    }

    /** The clock that dates {@linkplain JpaPersonalDataStore#erasurePreview previews}' receipts; UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where to find the entity manager bound to the operation's transaction, if one is open on the
     * calling thread, such as Spring's {@code EntityManagerFactoryUtils.getTransactionalEntityManager}
     * under a {@code JpaTransactionManager} (the starter supplies it). The store's erasure,
     * rectification and subject look-ups then run on it and are flushed, not committed, so that
     * they commit with the request's new state and its audit event, or not at all (Art. 5(1)(f),
     * 5(2)). Before and after its statements the store flushes that entity manager. Without a bound
     * one (empty), the store tries {@link #currentConnection}, then runs its own transaction.
     */
    public Builder currentEntityManager(Supplier<Optional<EntityManager>> current) {
      this.currentEntityManager = requireNonNull(current, "current");
      return this;
    }

    /**
     * Where to find the JDBC connection bound to the operation's transaction, if one is open on
     * the calling thread, such as {@code JdbcTransactions::currentConnection} of lethe-jdbc over the
     * DataSource of this factory. The store's erasure, rectification and subject look-ups then run
     * in a Hibernate session opened on that connection and never commit, roll back or close it: the
     * transaction's owner does, so that they commit with the request's new state and its audit
     * event, or not at all (Art. 5(1)(f), 5(2)). The connection must reach the database of this
     * factory. Without one (empty), the store runs its own transaction, as before.
     */
    public Builder currentConnection(Supplier<Optional<Connection>> current) {
      this.currentConnection = requireNonNull(current, "current");
      return this;
    }

    /**
     * Stores the {@link dev.lethe.annotation.Encrypted @Encrypted} attributes encrypted with their
     * subject's own key from {@code keys} (lethe-crypto), and has erasure destroy that key in its
     * transaction, so that every copy of them, backups and replicas included, becomes unreadable
     * (crypto-shredding, Art. 17(1), 32(1)(a)); the receipt lists them as shredded. The store
     * registers Hibernate listeners that encrypt before insert and update and decrypt on load (a
     * value whose key is gone loads as the erasure's placeholder); the export decrypts; an encrypted
     * identity is looked up by its blind index. Without it, a model with {@code @Encrypted}
     * attributes is refused.
     */
    public Builder encryption(SubjectKeys keys) {
      this.subjectKeys = requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Whether the store refuses to start when it finds copies of the model's personal data that its
     * erasure cannot reach and that are not {@linkplain #acceptCopies accepted} (Art. 17(1), 17(2)):
     * {@link #build()} then throws one {@link OtherCopiesException} listing every such copy. Off by
     * default: each copy is logged as a warning and listed in {@link JpaPersonalDataStore#otherCopies()}.
     */
    public Builder refuseOtherCopies(boolean refuse) {
      this.refuseOtherCopies = refuse;
      return this;
    }

    /**
     * Accepts the copies whose {@link OtherCopy#where() where} is one of {@code where} (ignoring
     * case), such as {@code "trigger customer_touch on table customer"}, once someone has decided
     * that they hold nothing to erase or are erased elsewhere (Art. 17(2)): they stay in
     * {@link JpaPersonalDataStore#otherCopies()} and the record, are logged at INFO instead of WARN,
     * and do not make {@link #refuseOtherCopies(boolean)} refuse.
     */
    public Builder acceptCopies(String... where) {
      Arrays.stream(where)
          .map(copy -> requireNonNull(copy, "where").toLowerCase(Locale.ROOT))
          .forEach(acceptedCopies::add);
      return this;
    }

    /**
     * Discovers the model and builds the store (Art. 30).
     *
     * @throws UnsupportedMappingException if the mapping holds what the store cannot handle, or a
     *     rule the database's schema or the entities' constraints would make fail
     * @throws dev.lethe.model.ModelValidationException if the annotations are invalid
     * @throws OtherCopiesException with {@link #refuseOtherCopies(boolean) refuseOtherCopies(true)}, if
     *     the store finds copies of personal data its erasure cannot reach and none accepts them
     */
    public JpaPersonalDataStore build() {
      return new JpaPersonalDataStore(
          emf,
          hashKey,
          Set.copyOf(classes),
          fetchSize,
          exportHistory,
          clock,
          currentEntityManager,
          currentConnection,
          subjectKeys,
          refuseOtherCopies,
          Set.copyOf(acceptedCopies));
    }
  }
}
