package dev.lethe.jpa;

import static java.util.Objects.requireNonNull;

/**
 * The row identifier of an earlier version of a row in an access export (Art. 15(1), 15(3)): a
 * {@link dev.lethe.spi.SubjectRecord} of an entity that Hibernate Envers audits, read from its
 * history, when the store is built with {@link JpaPersonalDataStore.Builder#exportHistory(boolean)}.
 * Its values are those the row held at the revision; for a collection, the elements Envers recorded
 * as added or removed at that revision.
 *
 * @param rowId the identifier of the row the history belongs to
 * @param revision the Envers revision number
 */
public record HistoryRowId(Object rowId, Object revision) {

  public HistoryRowId {
    requireNonNull(rowId, "rowId");
    requireNonNull(revision, "revision");
  }

  @Override
  public String toString() {
    return rowId + "@" + revision;
  }
}
