package dev.lethe.test;

import static java.util.Objects.requireNonNull;

/**
 * One thing a {@link ResidueCheck} found after an erasure (Art. 17(1)): where it is, never what it
 * holds, so that a failing build log carries no personal data.
 *
 * @param kind what was found
 * @param table the table, as the database names it
 * @param column the column holding a residual value; empty for a row that changed or disappeared
 * @param row the row's primary key as {@code column=value} pairs (a key that is itself one of the
 *     subject's values is shown as {@code <erased value>}), or {@code #n} for a table without one
 */
public record Residue(Kind kind, String table, String column, String row) {

  /** What a residue is. */
  public enum Kind {
    /** A cell still holds one of the erased subject's original values (Art. 17(1)). */
    RESIDUAL_VALUE,
    /** A row that belongs to nobody being erased holds other values than before (Art. 5(1)(d)). */
    OTHER_ROW_CHANGED,
    /** A row that belongs to nobody being erased was deleted (Art. 5(1)(d)). */
    OTHER_ROW_DELETED
  }

  public Residue {
    requireNonNull(kind, "kind");
    requireNonNull(table, "table");
    requireNonNull(column, "column");
    requireNonNull(row, "row");
  }

  @Override
  public String toString() {
    return switch (kind) {
      case RESIDUAL_VALUE ->
          table + "." + column + " [" + row + "]: still holds a value of the erased subject";
      case OTHER_ROW_CHANGED -> table + " [" + row + "]: a row of another subject changed";
      case OTHER_ROW_DELETED -> table + " [" + row + "]: a row of another subject was deleted";
    };
  }
}
