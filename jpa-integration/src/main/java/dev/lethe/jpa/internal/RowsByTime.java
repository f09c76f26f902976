package dev.lethe.jpa.internal;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.model.TemporalAttributes;
import dev.lethe.subject.SubjectKey;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.query.NativeQuery;

/**
 * Finds the subjects of an entity's rows whose date or time attribute lies in a window, for a
 * personal-data breach of those rows (Art. 33(3)(a), 34(1)): one native statement per route, so that
 * rows hidden from JPQL (soft-deleted, filtered) count, and a row reached along several routes gives
 * each of its subjects. Statements grow with routes, not with rows.
 */
public final class RowsByTime {

  private final Sessions sessions;
  private final JpaMapping mapping;

  public RowsByTime(Sessions sessions, JpaMapping mapping) {
    this.sessions = sessions;
    this.mapping = mapping;
  }

  /**
   * The subjects of the rows of exactly {@code descriptor}'s type whose {@code attribute} lies in
   * {@code [from, to)}; a date is the instant its day starts in the system's zone.
   *
   * @throws IllegalArgumentException if {@code attribute} is not a date or time attribute of the entity
   *     stored in one column
   */
  public Set<SubjectKey> subjects(
      EntityDescriptor descriptor, String attribute, Instant from, Instant to) {
    TemporalAttributes.requireWindowAttribute(descriptor.type(), attribute);
    EntityInfo info = mapping.entity(descriptor.type());
    BasicValuedModelPart time;
    try {
      time = RouteSql.basic(info.mapping(), attribute, info.type());
    } catch (UnsupportedRouteException notAColumn) {
      throw new IllegalArgumentException(
          "The attribute named is not stored in a column of "
              + info.type().getSimpleName()
              + " (transient, a formula or not mapped), so its rows cannot be searched by it: name a mapped date or time"
              + " attribute");
    }
    JdbcMapping column = time.getJdbcMapping();
    ZoneId zone = ZoneId.systemDefault();
    Object start = Sweeper.cutoff(firstMomentOfColumnAtOrAfter(from, zone, column), zone, column);
    Object end = Sweeper.cutoff(firstMomentOfColumnAtOrAfter(to, zone, column), zone, column);
    String rows = "in (select id_ from (" + RouteSql.nativeRowsBetween(info, time) + ") w_)";
    return sessions.inTransaction(
        em -> {
          Set<SubjectKey> subjects = new LinkedHashSet<>();
          for (SubjectRoute route : descriptor.routes()) {
            SubjectType type = mapping.model().subjectType(route.subjectType()).orElseThrow();
            NativeQuery<Object> query =
                Sql.nativeQuery(em, mapping.route(info, route).nativeSubjectKeys(rows));
            Sql.scalar(query, "id_", info.mapping().getIdentifierMapping().getSingleJdbcMapping());
            Sql.scalar(
                query,
                "key_",
                mapping
                    .entity(type.root())
                    .mapping()
                    .getIdentifierMapping()
                    .getSingleJdbcMapping());
            Sql.bind(query, "from", start, column);
            Sql.bind(query, "to", end, column);
            for (Object result : query.getResultList()) {
              Object key = ((Object[]) result)[1];
              if (key != null) {
                subjects.add(new SubjectKey(type.name(), key));
              }
            }
          }
          return subjects;
        });
  }

  /**
   * {@code at} itself, or for a column holding dates only, the start of the first day starting at or
   * after it: a date lies in {@code [from, to)} exactly when its start does.
   */
  private static Instant firstMomentOfColumnAtOrAfter(Instant at, ZoneId zone, JdbcMapping column) {
    boolean dateOnly =
        column.getJavaTypeDescriptor().getJavaTypeClass() == LocalDate.class
            || column.getJdbcType().getDefaultSqlTypeCode() == Types.DATE;
    if (!dateOnly) {
      return at;
    }
    LocalDate day = at.atZone(zone).toLocalDate();
    Instant dayStart = day.atStartOfDay(zone).toInstant();
    return dayStart.isBefore(at) ? day.plusDays(1).atStartOfDay(zone).toInstant() : dayStart;
  }
}
