package dev.lethe.jpa.internal;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.Restrictions;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import dev.lethe.subject.SubjectPseudonym;
import java.io.Serial;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.DuplicationStrategy;
import org.hibernate.event.service.spi.EventListenerRegistrationException;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.jspecify.annotations.Nullable;

/**
 * Enforces restriction of processing (Art. 18(2)) on the application's own changes: Hibernate
 * listeners before every update, delete and collection change find the subjects of the row along
 * its entity's routes, look up a restriction under each of the subject's identities (a restriction
 * may have been placed under any of them) and refuse the change with a
 * {@link dev.lethe.jpa.ProcessingRestrictedException}, which rolls the transaction back. While no restriction
 * stands at all ({@link Lookup#noneStanding()}), a change costs no query. While some do, and the
 * store keeps a {@linkplain dev.lethe.restriction.RestrictionStore#standing() snapshot} of them, a change
 * whose subjects are its own key or a to-one association to the root costs none either: the key
 * comes from the entity's loaded state, and the pseudonyms of a subject's identities, read once,
 * are kept for as long as the store trusts its snapshot (so within the store's own bound). Bulk
 * JPQL and native SQL never reach listeners.
 *
 * <p>A session whose property {@link #PERMITTED} is {@code true} passes: Lethe's own rectification
 * sets it after checking the restriction's ground itself.
 */
public final class RestrictionGuard
    implements PreUpdateEventListener,
        PreDeleteEventListener,
        PreCollectionUpdateEventListener,
        PreCollectionRemoveEventListener {

  /** The session property with which Lethe marks a change it has already checked against the restriction. */
  public static final String PERMITTED = "dev.lethe.jpa.restriction-checked";

  @Serial private static final long serialVersionUID = 1L;

  private final transient JpaMapping mapping;
  private final transient Lookup restrictions;
  private final transient ChangeRefusal refusal;

  /**
   * Where the guard finds restrictions.
   *
   * @param noneStanding whether no restriction stands at all: then no change needs its subject found
   * @param find the restriction standing under one identity of a subject, read from the store
   * @param standing the store's snapshot of every restriction standing, if it keeps one
   *     ({@link Restrictions#standing()}); empty: ask {@code noneStanding} and {@code find}
   * @param pseudonymOf the pseudonym the snapshot keys an identity's restriction by
   */
  public record Lookup(
      BooleanSupplier noneStanding,
      Function<SubjectIdentifier, Optional<Restriction>> find,
      Supplier<Optional<Map<SubjectPseudonym, Restriction>>> standing,
      Function<SubjectIdentifier, SubjectPseudonym> pseudonymOf) {

    /** The restrictions {@code restrictions} keeps, through its store's snapshot where it keeps one. */
    public static Lookup of(Restrictions restrictions) {
      return new Lookup(
          restrictions::noneStanding,
          restrictions::restriction,
          restrictions::standing,
          restrictions::pseudonymOf);
    }
  }

  /** A subject by type and key, as the memo of its identities' pseudonyms keys it. */
  private record Subject(String type, Object key) {}

  /**
   * The restriction in {@code standing}, the store's snapshot, of each subject asked about, found
   * under the pseudonyms of the subject's identities: kept only for as long as the store hands out
   * that snapshot, and for at most {@link #MEMO_SIZE} subjects.
   */
  private record Memo(
      Map<SubjectPseudonym, Restriction> standing, Map<Subject, Optional<Restriction>> answers) {}

  /** The restriction standing for one subject, by type and key, if one does. */
  @FunctionalInterface
  private interface SubjectLookup {
    Optional<Restriction> restrictionOf(SubjectType type, Object key);
  }

  private static final int MEMO_SIZE = 10_000;

  /** A subject key that only a query can find. */
  private static final Object UNKNOWN = new Object();

  /**
   * What a change of one entity type needs to find its subjects, worked out once from the model and
   * the mapping, which do not change: the checks run on every flushed update and delete.
   *
   * @param descriptor the entity's place in the model
   * @param root the subject type whose root the entity is, if it is one
   * @param reaches how a row reaches each of its subjects
   */
  private record Plan(
      EntityDescriptor descriptor, @Nullable SubjectType root, List<Reach> reaches) {}

  /**
   * One way a row reaches a subject of {@code type}: along {@code route}, its key found where
   * {@code keyAt} says.
   *
   * @param keyAt the row's own key ({@link #OWN_KEY}), a to-one association's key at that position of
   *     the loaded state, or {@link #QUERY} (a route that only a query can follow)
   */
  private record Reach(SubjectType type, @Nullable SubjectRoute route, int keyAt) {
    static final int OWN_KEY = -1;
    static final int QUERY = -2;
  }

  /**
   * By entity persister (one per class; its identity is the cheapest key): its plan, or empty for a
   * class whose changes reach no subject.
   */
  private final transient Map<EntityPersister, Optional<Plan>> plans = new ConcurrentHashMap<>();

  private final transient AtomicReference<Memo> memo =
      new AtomicReference<>(new Memo(Map.of(), new ConcurrentHashMap<>()));

  /**
   * A guard over {@code mapping}'s entities, looking restrictions up through {@code restrictions} and
   * refusing a change with the exception {@code refusal} makes.
   */
  public RestrictionGuard(JpaMapping mapping, Lookup restrictions, ChangeRefusal refusal) {
    this.mapping = mapping;
    this.restrictions = restrictions;
    this.refusal = refusal;
  }

  /** Refuses a second guard on one factory: two would each check every change. */
  private static final DuplicationStrategy ONE_PER_FACTORY =
      new DuplicationStrategy() {
        @Override
        public boolean areMatch(Object listener, Object original) {
          return listener instanceof RestrictionGuard && original instanceof RestrictionGuard;
        }

        @Override
        public Action getAction() {
          return Action.ERROR;
        }
      };

  /**
   * Appends the listeners to the factory's event listener registry: no global state, no service file.
   *
   * @throws IllegalStateException if another store already enforces restrictions on this factory
   */
  public void register() {
    EventListenerRegistry registry = mapping.factory().getEventListenerRegistry();
    registry.getEventListenerGroup(EventType.PRE_UPDATE).addDuplicationStrategy(ONE_PER_FACTORY);
    try {
      registry.appendListeners(EventType.PRE_UPDATE, this);
    } catch (EventListenerRegistrationException duplicate) {
      throw new IllegalStateException(
          "Restrictions are already enforced on this EntityManagerFactory by another"
              + " JpaPersonalDataStore: build one store with restrictions per factory",
          duplicate);
    }
    registry.appendListeners(EventType.PRE_DELETE, this);
    registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, this);
    registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, this);
  }

  @Override
  public boolean onPreUpdate(PreUpdateEvent event) {
    check(event.getSession(), event.getPersister(), event.getId(), event.getOldState(), "update");
    if (identityMayChange(event.getPersister(), event.getOldState(), event.getState())) {
      forget(event.getPersister(), event.getId());
    }
    return false;
  }

  @Override
  public boolean onPreDelete(PreDeleteEvent event) {
    check(
        event.getSession(),
        event.getPersister(),
        event.getId(),
        event.getDeletedState(),
        "deletion");
    forget(event.getPersister(), event.getId());
    return false;
  }

  private Optional<Plan> plan(EntityPersister persister) {
    return plans.computeIfAbsent(persister, this::newPlan);
  }

  private Optional<Plan> newPlan(EntityPersister persister) {
    Optional<EntityDescriptor> descriptor = mapping.model().entity(persister.getMappedClass());
    if (descriptor.isEmpty()
        || (descriptor.get().routes().isEmpty() && descriptor.get().subjectRootOf().isEmpty())) {
      return Optional.empty();
    }
    @Nullable SubjectType root =
        descriptor.get().subjectRootOf().flatMap(mapping.model()::subjectType).orElse(null);
    List<Reach> reaches = new ArrayList<>();
    if (root != null) {
      reaches.add(new Reach(root, null, Reach.OWN_KEY));
    }
    for (SubjectRoute route : descriptor.get().routes()) {
      SubjectType type = mapping.model().subjectType(route.subjectType()).orElseThrow();
      reaches.add(new Reach(type, route, keyInState(persister, route, type)));
    }
    return Optional.of(new Plan(descriptor.get(), root, List.copyOf(reaches)));
  }

  @Override
  public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
    checkCollection(event, "collection update");
  }

  @Override
  public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
    checkCollection(event, "collection removal");
  }

  private void checkCollection(AbstractCollectionEvent event, String change) {
    Object owner = event.getAffectedOwnerIdOrNull();
    if (owner == null) {
      return;
    }
    check(
        event.getSession(),
        event
            .getSession()
            .getFactory()
            .getMappingMetamodel()
            .getEntityDescriptor(event.getAffectedOwnerEntityName()),
        owner,
        null,
        change);
  }

  /**
   * Refuses the change of row {@code id} if a subject it reaches is restricted.
   *
   * @param state the row's state as loaded, from which one-hop routes take their subject's key; null: query
   */
  private void check(
      SharedSessionContractImplementor session,
      EntityPersister persister,
      @Nullable Object id,
      Object @Nullable [] state,
      String change) {
    if (id == null) {
      return;
    }
    // The model's answer costs nothing; the store's may cost a query now and then.
    Optional<Plan> plan = plan(persister);
    if (plan.isEmpty()) {
      return;
    }
    Optional<Map<SubjectPseudonym, Restriction>> standing = restrictions.standing().get();
    if (standing.isPresent()
        ? standing.get().isEmpty()
        : restrictions.noneStanding().getAsBoolean()) {
      return;
    }
    SubjectLookup lookup =
        standing.isPresent()
            ? inSnapshot(standing.get(), session)
            : (type, key) ->
                session
                    .doReturningWork(connection -> restrictionOfSubject(connection, type, key))
                    .map(Standing::restriction);
    Optional<Restriction> restriction =
        restrictionOfRow(session, persister, plan.get().reaches(), id, state, lookup);
    // Asked last: a session's properties come as a fresh copy of them all.
    if (restriction.isPresent()
        && !(session instanceof Session stateful
            && Boolean.TRUE.equals(stateful.getProperties().get(PERMITTED)))) {
      throw refusal.refuse(plan.get().descriptor().name(), change, restriction.get().ground());
    }
  }

  /** A restriction standing for a subject, and the name of the identity it was recorded under. */
  public record Standing(Restriction restriction, String identity) {}

  /** The restriction standing for {@code subject}, under any of its identities. */
  public Optional<Standing> restrictionOf(Sessions sessions, SubjectKey subject) {
    SubjectType type = mapping.model().subjectType(subject.subjectType()).orElse(null);
    if (type == null) {
      return Optional.empty();
    }
    Optional<Object> key = Sql.typed(subject.id(), mapping.entity(type.root()).idType());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return sessions.inTransaction(
        em ->
            em.unwrap(Session.class)
                .doReturningWork(connection -> restrictionOfSubject(connection, type, key.get())));
  }

  /**
   * The restriction standing for a subject row {@code id} reaches, as {@code lookup} finds it: its own
   * key if it is a root; along a one-hop route to the root's key, the association's key from {@code
   * state}; along any other route, by query, asked only if the keys at hand found none. The common
   * change, one subject's key at hand, allocates no collection.
   */
  private Optional<Restriction> restrictionOfRow(
      SharedSessionContractImplementor session,
      EntityPersister persister,
      List<Reach> reaches,
      Object id,
      Object @Nullable [] state,
      SubjectLookup lookup) {
    @Nullable List<SubjectRoute> queried = null;
    for (Reach reach : reaches) {
      Object key =
          reach.keyAt() == Reach.OWN_KEY
              ? id
              : state == null || reach.keyAt() == Reach.QUERY
                  ? UNKNOWN
                  : keyFromState(session, state[reach.keyAt()]);
      if (key == UNKNOWN) {
        queried = queried == null ? new ArrayList<>() : queried;
        queried.add(Objects.requireNonNull(reach.route()));
      } else if (key != null) {
        Optional<Restriction> restriction = lookup.restrictionOf(reach.type(), key);
        if (restriction.isPresent()) {
          return restriction;
        }
      }
    }
    if (queried == null) {
      return Optional.empty();
    }
    Map<SubjectType, Set<Object>> subjects = new LinkedHashMap<>();
    EntityInfo info = mapping.entity(persister.getMappedClass());
    List<SubjectRoute> routes = queried;
    session.doWork(
        connection -> {
          for (SubjectRoute route : routes) {
            subjectKeysAlong(connection, info, route, id, subjects);
          }
        });
    for (Map.Entry<SubjectType, Set<Object>> entry : subjects.entrySet()) {
      for (Object key : entry.getValue()) {
        Optional<Restriction> restriction = lookup.restrictionOf(entry.getKey(), key);
        if (restriction.isPresent()) {
          return restriction;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether an update of a subject root may change one of its identities, from which the memo answered. */
  private boolean identityMayChange(
      EntityPersister persister, Object @Nullable [] oldState, Object[] newState) {
    @Nullable SubjectType root = plan(persister).map(Plan::root).orElse(null);
    if (root == null) {
      return false;
    }
    if (oldState == null) {
      return true;
    }
    for (Map.Entry<String, String> identity : root.identities().entrySet()) {
      if (identity.getKey().equals(SubjectType.ID)) {
        continue;
      }
      // An identity inside an embeddable has no position of its own in the state: taken as changed.
      AttributeMapping attribute = persister.findAttributeMapping(identity.getValue());
      if (attribute == null
          || !Objects.equals(
              oldState[attribute.getStateArrayPosition()],
              newState[attribute.getStateArrayPosition()])) {
        return true;
      }
    }
    return false;
  }

  /** Drops the memo of a subject root's identities: the row was deleted, or an identity changed. */
  private void forget(EntityPersister persister, @Nullable Object id) {
    @Nullable SubjectType root = plan(persister).map(Plan::root).orElse(null);
    if (id != null && root != null) {
      memo.get().answers().remove(new Subject(root.name(), id));
    }
  }

  /**
   * Where a row's loaded state holds the subject's key that {@code route} reaches in one step: the
   * row's own key ({@link Reach#OWN_KEY}) where the route is the root's own key, the position of a
   * to-one association straight to the root's key ({@code customer.id}); {@link Reach#QUERY} for any
   * other route, which needs a query.
   */
  private static int keyInState(EntityPersister persister, SubjectRoute route, SubjectType type) {
    if (!route.identity().equals(SubjectType.ID) || route.hasReverseHop()) {
      return Reach.QUERY;
    }
    if (route.path().size() == 1) {
      boolean ownKey =
          type.root().isAssignableFrom(persister.getMappedClass())
              && route.path().get(0).equals(persister.getIdentifierMapping().getAttributeName());
      return ownKey ? Reach.OWN_KEY : Reach.QUERY;
    }
    AttributeMapping attribute =
        route.path().size() == 2 ? persister.findAttributeMapping(route.path().get(0)) : null;
    if (!(attribute instanceof ToOneAttributeMapping toOne)
        || !type.root()
            .isAssignableFrom(toOne.getEntityMappingType().getMappedJavaType().getJavaTypeClass())
        || !route
            .path()
            .get(1)
            .equals(toOne.getEntityMappingType().getIdentifierMapping().getAttributeName())) {
      return Reach.QUERY;
    }
    return attribute.getStateArrayPosition();
  }

  /**
   * The key of the associated root {@code root} from a row's loaded state: null where the
   * association is null, {@link #UNKNOWN} where it was never fetched.
   */
  private static @Nullable Object keyFromState(
      SharedSessionContractImplementor session, @Nullable Object root) {
    if (root == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
      // A bytecode-enhanced lazy to-one that was never fetched: no key in the state, so ask the
      // database.
      return UNKNOWN;
    }
    return root == null ? null : keyOf(session, root);
  }

  /** The key of an associated entity or its proxy, without loading it. */
  private static Object keyOf(SharedSessionContractImplementor session, Object entity) {
    LazyInitializer proxy = HibernateProxy.extractLazyInitializer(entity);
    return proxy != null
        ? proxy.getInternalIdentifier()
        : session.getEntityPersister(null, entity).getIdentifier(entity, session);
  }

  private void subjectKeysAlong(
      Connection connection,
      EntityInfo info,
      SubjectRoute route,
      Object id,
      Map<SubjectType, Set<Object>> subjects)
      throws SQLException {
    SubjectType type = mapping.model().subjectType(route.subjectType()).orElseThrow();
    try (PreparedStatement statement =
        connection.prepareStatement(mapping.route(info, route).nativeSubjectKeys("= ?"))) {
      statement.setObject(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Object key = rows.getObject(2);
          if (key != null) {
            subjects.computeIfAbsent(type, ignored -> new LinkedHashSet<>()).add(key);
          }
        }
      }
    }
  }

  /**
   * Finds subjects' restrictions in {@code standing}, the store's snapshot, under any of their
   * identities, whose pseudonyms are read once per subject and snapshot.
   */
  private SubjectLookup inSnapshot(
      Map<SubjectPseudonym, Restriction> standing, SharedSessionContractImplementor session) {
    Memo last = memo.get();
    if (last.standing() != standing) {
      Memo fresh = new Memo(standing, new ConcurrentHashMap<>());
      last = memo.compareAndSet(last, fresh) ? fresh : memo.get();
    }
    // Another thread may have memoised a newer snapshot meanwhile: answers against this one are
    // then not kept.
    Map<Subject, Optional<Restriction>> answers =
        last.standing() == standing ? last.answers() : new HashMap<>();
    return (type, key) -> {
      Subject subject = new Subject(type.name(), key);
      Optional<Restriction> answer = answers.get(subject);
      if (answer == null) {
        answer =
            session.doReturningWork(connection -> identitiesOf(connection, type, key)).stream()
                .map(restrictions.pseudonymOf())
                .map(standing::get)
                .filter(Objects::nonNull)
                .findFirst();
        if (answers.size() < MEMO_SIZE) {
          answers.put(subject, answer);
        }
      }
      return answer;
    };
  }

  /** Looks the restriction up under the subject's id and each of its other identities' current values. */
  private Optional<Standing> restrictionOfSubject(
      Connection connection, SubjectType type, Object key) throws SQLException {
    for (SubjectIdentifier identifier : identitiesOf(connection, type, key)) {
      Optional<Restriction> restriction = restrictions.find().apply(identifier);
      if (restriction.isPresent()) {
        return Optional.of(new Standing(restriction.get(), identifier.identity()));
      }
    }
    return Optional.empty();
  }

  /** The subject's id and its other identities' current values: a query only if it has other identities. */
  private List<SubjectIdentifier> identitiesOf(Connection connection, SubjectType type, Object key)
      throws SQLException {
    List<SubjectIdentifier> identifiers = new ArrayList<>();
    identifiers.add(new SubjectIdentifier(type.name(), SubjectType.ID, key.toString()));
    EntityInfo root = mapping.entity(type.root());
    for (Map.Entry<String, String> identity : type.identities().entrySet()) {
      if (identity.getKey().equals(SubjectType.ID)) {
        continue;
      }
      BasicValuedModelPart column =
          RouteSql.basic(root.mapping(), identity.getValue(), root.type());
      String table = column.getContainingTableExpression();
      try (PreparedStatement statement =
          connection.prepareStatement(
              "select "
                  + column.getSelectionExpression()
                  + " from "
                  + table
                  + " where "
                  + RouteSql.keyColumn(root.mapping(), table, root.type())
                  + " = ?")) {
        statement.setObject(1, key);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            Object value = rows.getObject(1);
            if (value != null && !value.toString().isBlank()) {
              identifiers.add(
                  new SubjectIdentifier(type.name(), identity.getKey(), value.toString()));
            }
          }
        }
      }
    }
    return identifiers;
  }
}
