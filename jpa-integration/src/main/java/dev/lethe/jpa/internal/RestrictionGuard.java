package dev.lethe.jpa.internal;

import dev.lethe.jpa.ProcessingRestrictedException;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.restriction.Restriction;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import java.io.Serial;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.jspecify.annotations.Nullable;

/**
 * Enforces restriction of processing (Art. 18(2)) on the application's own changes: Hibernate
 * listeners before every update, delete and collection change find the subjects of the row along
 * its entity's routes, look up a restriction under each of the subject's identities (a restriction
 * may have been placed under any of them) and refuse the change with a
 * {@link ProcessingRestrictedException}, which rolls the transaction back. While no restriction
 * stands at all ({@link Lookup#noneStanding()}), a change costs no query. Bulk JPQL and native SQL
 * never reach listeners.
 *
 * <p>A session whose property {@link #PERMITTED} is {@code true} passes: Lethe's own rectification
 * sets it after checking the restriction's ground itself.
 */
public final class RestrictionGuard implements PreUpdateEventListener, PreDeleteEventListener,
    PreCollectionUpdateEventListener, PreCollectionRemoveEventListener {

  /** The session property with which Lethe marks a change it has already checked against the restriction. */
  public static final String PERMITTED = "dev.lethe.jpa.restriction-checked";

  @Serial
  private static final long serialVersionUID = 1L;

  private final transient JpaMapping mapping;
  private final transient Lookup restrictions;

  /**
   * Where the guard finds restrictions.
   *
   * @param noneStanding whether no restriction stands at all: then no change needs its subject found
   * @param find the restriction standing under one identity of a subject
   */
  public record Lookup(BooleanSupplier noneStanding, Function<SubjectIdentifier, Optional<Restriction>> find) {
  }

  /** A guard over {@code mapping}'s entities, looking restrictions up through {@code restrictions}. */
  public RestrictionGuard(JpaMapping mapping, Lookup restrictions) {
    this.mapping = mapping;
    this.restrictions = restrictions;
  }

  /**
   * Appends the listeners to the factory's event listener registry: no global state, no service file.
   *
   * @throws IllegalStateException if another store already enforces restrictions on this factory
   */
  public void register() {
    EventListenerRegistry registry = mapping.factory().getEventListenerRegistry();
    for (Object listener : registry.getEventListenerGroup(EventType.PRE_UPDATE).listeners()) {
      if (listener instanceof RestrictionGuard) {
        throw new IllegalStateException("Restrictions are already enforced on this EntityManagerFactory by another"
            + " JpaPersonalDataStore: build one store with restrictions per factory");
      }
    }
    registry.appendListeners(EventType.PRE_UPDATE, this);
    registry.appendListeners(EventType.PRE_DELETE, this);
    registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, this);
    registry.appendListeners(EventType.PRE_COLLECTION_REMOVE, this);
  }

  @Override
  public boolean onPreUpdate(PreUpdateEvent event) {
    check(event.getSession(), event.getPersister().getMappedClass(), event.getId(), "update");
    return false;
  }

  @Override
  public boolean onPreDelete(PreDeleteEvent event) {
    check(event.getSession(), event.getPersister().getMappedClass(), event.getId(), "deletion");
    return false;
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
    Class<?> type = event.getSession().getFactory().getMappingMetamodel()
        .getEntityDescriptor(event.getAffectedOwnerEntityName()).getMappedClass();
    check(event.getSession(), type, owner, change);
  }

  private void check(SharedSessionContractImplementor session, Class<?> type, @Nullable Object id, String change) {
    if (id == null || session instanceof Session stateful && Boolean.TRUE.equals(stateful.getProperties().get(PERMITTED))) {
      return;
    }
    Optional<EntityDescriptor> descriptor = mapping.model().entity(type);
    // The model's answer costs nothing; the store's may cost a query now and then.
    if (descriptor.isEmpty() || (descriptor.get().routes().isEmpty() && descriptor.get().subjectRootOf().isEmpty())
        || restrictions.noneStanding().getAsBoolean()) {
      return;
    }
    EntityInfo info = mapping.entity(type);
    Optional<Restriction> restriction = session.doReturningWork(connection -> restrictionOfRow(connection,
        descriptor.get(), info, id));
    if (restriction.isPresent()) {
      throw new ProcessingRestrictedException(descriptor.get().name(), change, restriction.get().ground());
    }
  }

  /** The restriction standing for {@code subject}, under any of its identities. */
  public Optional<Restriction> restrictionOf(Sessions sessions, SubjectKey subject) {
    SubjectType type = mapping.model().subjectType(subject.subjectType()).orElse(null);
    if (type == null) {
      return Optional.empty();
    }
    Optional<Object> key = Sql.typed(subject.id(), mapping.entity(type.root()).idType());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return sessions.inTransaction(em -> em.unwrap(Session.class).doReturningWork(connection ->
        restrictionOfSubject(connection, type, key.get())));
  }

  private Optional<Restriction> restrictionOfRow(Connection connection, EntityDescriptor descriptor, EntityInfo info,
      Object id) throws SQLException {
    Map<SubjectType, Set<Object>> subjects = new LinkedHashMap<>();
    descriptor.subjectRootOf().ifPresent(name -> subjects.computeIfAbsent(
        mapping.model().subjectType(name).orElseThrow(), ignored -> new LinkedHashSet<>()).add(id));
    for (SubjectRoute route : descriptor.routes()) {
      SubjectType type = mapping.model().subjectType(route.subjectType()).orElseThrow();
      try (PreparedStatement statement = connection.prepareStatement(
          mapping.route(info, route).nativeSubjectKeys("= ?"))) {
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
    for (Map.Entry<SubjectType, Set<Object>> entry : subjects.entrySet()) {
      for (Object key : entry.getValue()) {
        Optional<Restriction> restriction = restrictionOfSubject(connection, entry.getKey(), key);
        if (restriction.isPresent()) {
          return restriction;
        }
      }
    }
    return Optional.empty();
  }

  /** Looks the restriction up under the subject's id and each of its other identities' current values. */
  private Optional<Restriction> restrictionOfSubject(Connection connection, SubjectType type, Object key)
      throws SQLException {
    List<SubjectIdentifier> identifiers = new ArrayList<>();
    identifiers.add(new SubjectIdentifier(type.name(), SubjectType.ID, key.toString()));
    EntityInfo root = mapping.entity(type.root());
    for (Map.Entry<String, String> identity : type.identities().entrySet()) {
      if (identity.getKey().equals(SubjectType.ID)) {
        continue;
      }
      BasicValuedModelPart column = RouteSql.basic(root.mapping(), identity.getValue(), root.type());
      String table = column.getContainingTableExpression();
      try (PreparedStatement statement = connection.prepareStatement("select " + column.getSelectionExpression()
          + " from " + table + " where " + RouteSql.keyColumn(root.mapping(), table, root.type()) + " = ?")) {
        statement.setObject(1, key);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            Object value = rows.getObject(1);
            if (value != null && !value.toString().isBlank()) {
              identifiers.add(new SubjectIdentifier(type.name(), identity.getKey(), value.toString()));
            }
          }
        }
      }
    }
    for (SubjectIdentifier identifier : identifiers) {
      Optional<Restriction> restriction = restrictions.find().apply(identifier);
      if (restriction.isPresent()) {
        return restriction;
      }
    }
    return Optional.empty();
  }
}
