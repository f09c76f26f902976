package dev.lethe.erasure;

import static java.util.Objects.requireNonNull;

/**
 * A copy of the model's personal data that an erasure cannot reach, found in the database or the
 * persistence setup when the store starts: a trigger that writes a model table's rows elsewhere, a
 * materialized view, a logical replication publication, history tables nothing erases, a cache, a
 * table no entity maps that carries the model's personal columns. Art. 17(1) asks that the data be
 * erased wherever the controller holds it, Art. 17(2) that the controller reach the copies others
 * hold, and Art. 30(1) that the record say where the data goes: a store lists these so that someone
 * decides what to do with each.
 *
 * <p>A finding names database objects (tables, columns, triggers, publications) and never a value.
 *
 * @param kind what sort of copy it is
 * @param where the object, such as {@code trigger customer_copy on table customer}
 * @param why why an erasure cannot reach it
 * @param fix what to do about it
 */
public record OtherCopy(Kind kind, String where, String why, String fix) {

  public OtherCopy {
    requireNonNull(kind, "kind");
    requireNonNull(where, "where");
    requireNonNull(why, "why");
    requireNonNull(fix, "fix");
  }

  /** The sorts of copies a store looks for at start-up. */
  public enum Kind {
    /** A trigger on a model table, which may copy its rows elsewhere as they are written. */
    TRIGGER,
    /** A materialized view over a model table: a stored copy, refreshed only on demand. */
    MATERIALIZED_VIEW,
    /** A view over a model table: no copy itself, but a way out for whatever reads it. */
    VIEW,
    /** A logical replication publication streaming a model table's changes to subscribers. */
    PUBLICATION,
    /** History tables (Hibernate Envers {@code _AUD}) of a model table that nothing erases. */
    HISTORY_TABLE,
    /** A second-level or query cache that holds model entities or query results. */
    CACHE,
    /** A table no entity maps whose columns carry the names of a model table's personal columns. */
    UNMAPPED_TABLE
  }

  /** One line for a log or an exception: {@code TRIGGER trigger x on table y: why. Fix: fix} */
  @Override
  public String toString() {
    return kind + " " + where + ": " + why + " Fix: " + fix;
  }
}
