package dev.lethe.test;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.function.Executable;

/**
 * Proves an erasure in the application's own database (Art. 17(1)): snapshots every row of every
 * table of the schema through JDBC metadata, runs the erasure, snapshots again, and reports
 *
 * <ul>
 *   <li>every cell that still holds one of the erased subject's original values, and
 *   <li>every row of someone else that changed or disappeared (Art. 5(1)(d): erasure must not
 *       damage other people's data).
 * </ul>
 *
 * <pre>{@code
 * ResidueCheck.of(dataSource)
 *     .erasing(subject, () -> rights.erase(requestId))
 *     .withExport(model, store)          // the subject's values, read from its access export
 *     .assertNoResidue();
 * }</pre>
 *
 * <p>The subject's values are those of its access export before the erasure ({@link #withExport}),
 * except fields kept under an exemption ({@code KEEP}), plus any the caller adds ({@link #withValues}).
 * A row belongs to the erased subject when, before the erasure, it held one of those values or
 * referenced such a row through a foreign key; every other row must be unchanged afterwards. So a
 * row of the subject that holds none of its erasable values and reaches it only through a join
 * table counts as someone else's: give such rows a distinctive value, or ignore their table.
 * Values are compared as text (numbers without trailing zeros, dates in ISO form); a text value of
 * at least {@value #CONTAINED_LENGTH} characters also counts when a cell contains it. Values shorter
 * than {@link #withMinimumLength the minimum length} (4 by default) are ignored, and numeric values
 * are not looked for in primary and foreign key columns, so that ids do not match. The check relies
 * on distinctive test data: a value that another subject also holds is reported as residue.
 *
 * <p>Findings name table, column and row key, never a value: a failing build log holds no personal
 * data. The schema's structure is read once per instance; reuse one instance for many erasures.
 */
public final class ResidueCheck {

  /** The length from which a text value is also found inside a longer cell. */
  public static final int CONTAINED_LENGTH = 8;

  private final DataSource dataSource;
  private final @Nullable String schema;
  private final AtomicReference<@Nullable Tables> structure;
  private final int minimumLength;
  private final Set<String> ignoredTables;
  private final @Nullable SubjectKey subject;
  private final @Nullable Executable erasure;
  private final List<Object> values;
  private final @Nullable PersonalDataModel model;
  private final @Nullable PersonalDataStore store;
  private final List<SubjectKey> sharers;
  private final List<Reference> references;

  private ResidueCheck(
      DataSource dataSource,
      @Nullable String schema,
      AtomicReference<@Nullable Tables> structure,
      int minimumLength,
      Set<String> ignoredTables,
      @Nullable SubjectKey subject,
      @Nullable Executable erasure,
      List<Object> values,
      @Nullable PersonalDataModel model,
      @Nullable PersonalDataStore store,
      List<SubjectKey> sharers,
      List<Reference> references) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.structure = structure;
    this.minimumLength = minimumLength;
    this.ignoredTables = ignoredTables;
    this.subject = subject;
    this.erasure = erasure;
    this.values = values;
    this.model = model;
    this.store = store;
    this.sharers = sharers;
    this.references = references;
  }

  /** A check over every table of the schema that {@code dataSource}'s connections use by default. */
  public static ResidueCheck of(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    return new ResidueCheck(
        dataSource,
        null,
        new AtomicReference<>(),
        4,
        Set.of(),
        null,
        null,
        List.of(),
        null,
        null,
        List.of(),
        List.of());
  }

  /** A copy that checks the tables of {@code schemaName} instead of the connection's default schema. */
  public ResidueCheck inSchema(String schemaName) {
    requireNonNull(schemaName, "schemaName");
    return new ResidueCheck(
        dataSource,
        schemaName,
        new AtomicReference<>(),
        minimumLength,
        ignoredTables,
        subject,
        erasure,
        values,
        model,
        store,
        sharers,
        references);
  }

  /** A copy that ignores subject values shorter than {@code length} characters (4 by default), which match by chance. */
  public ResidueCheck withMinimumLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("The minimum length must be at least 1, was " + length);
    }
    return new ResidueCheck(
        dataSource,
        schema,
        structure,
        length,
        ignoredTables,
        subject,
        erasure,
        values,
        model,
        store,
        sharers,
        references);
  }

  /**
   * A copy that neither searches nor compares {@code tables} (case-insensitive): tables whose rows
   * change on every operation by design, such as an audit chain's head.
   */
  public ResidueCheck ignoringTables(String... tables) {
    Set<String> ignored = new HashSet<>(ignoredTables);
    for (String table : tables) {
      ignored.add(table.toLowerCase(Locale.ROOT));
    }
    return new ResidueCheck(
        dataSource,
        schema,
        structure,
        minimumLength,
        Set.copyOf(ignored),
        subject,
        erasure,
        values,
        model,
        store,
        sharers,
        references);
  }

  /**
   * A copy that checks the erasure of {@code subject} done by {@code erasure}, such as
   * {@code () -> rights.erase(requestId)} (Art. 17(1)). Values given before are kept.
   */
  public ResidueCheck erasing(SubjectKey subject, Executable erasure) {
    requireNonNull(subject, "subject");
    requireNonNull(erasure, "erasure");
    return new ResidueCheck(
        dataSource,
        schema,
        structure,
        minimumLength,
        ignoredTables,
        subject,
        erasure,
        values,
        model,
        store,
        sharers,
        references);
  }

  /**
   * A copy that also looks for {@code extra} values of the subject (collections are looked into):
   * values the export does not show, or the exact column text where a converter changes it.
   */
  public ResidueCheck withValues(Collection<?> extra) {
    List<Object> all = new ArrayList<>(values);
    all.addAll(extra);
    return new ResidueCheck(
        dataSource,
        schema,
        structure,
        minimumLength,
        ignoredTables,
        subject,
        erasure,
        List.copyOf(all),
        model,
        store,
        sharers,
        references);
  }

  /**
   * A copy that takes the subject's values from its access export (Art. 15): every personal-data
   * value {@code store} returns for it along {@code model}, read before the erasure, fields erased
   * by {@code KEEP} excepted.
   */
  public ResidueCheck withExport(PersonalDataModel model, PersonalDataStore store) {
    requireNonNull(model, "model");
    requireNonNull(store, "store");
    return new ResidueCheck(
        dataSource,
        schema,
        structure,
        minimumLength,
        ignoredTables,
        subject,
        erasure,
        values,
        model,
        store,
        sharers,
        references);
  }

  /**
   * A copy for rows the subject shares with {@code others} (meeting minutes with other attendees):
   * a value that one of their exports still holds after the erasure is theirs too, and not looked
   * for. Needs {@link #withExport}.
   */
  public ResidueCheck sharedWith(Collection<SubjectKey> others) {
    requireNonNull(others, "others");
    return new ResidueCheck(
        dataSource,
        schema,
        structure,
        minimumLength,
        ignoredTables,
        subject,
        erasure,
        values,
        model,
        store,
        List.copyOf(others),
        references);
  }

  /**
   * A copy that counts {@code table.column} as referring to {@code referencedTable.referencedColumn},
   * as a foreign key the schema does not declare would: the rows of a history table (Hibernate
   * Envers' {@code _AUD} tables hold the identifier of the row they are a version of) or of a
   * denormalised copy then belong to the subject of the rows they refer to, and may change with them.
   */
  public ResidueCheck withReference(
      String table, String column, String referencedTable, String referencedColumn) {
    List<Reference> all = new ArrayList<>(references);
    all.add(
        new Reference(
            requireNonNull(table, "table"),
            requireNonNull(column, "column"),
            requireNonNull(referencedTable, "referencedTable"),
            requireNonNull(referencedColumn, "referencedColumn")));
    return new ResidueCheck(
        dataSource,
        schema,
        structure,
        minimumLength,
        ignoredTables,
        subject,
        erasure,
        values,
        model,
        store,
        sharers,
        List.copyOf(all));
  }

  /** A reference the schema does not declare, from {@link #withReference}. */
  private record Reference(
      String table, String column, String referencedTable, String referencedColumn) {}

  /** Runs the erasure between two snapshots and fails listing every residue found; see the class. */
  public void assertNoResidue() {
    List<Residue> found = findResidue();
    if (!found.isEmpty()) {
      StringBuilder message =
          new StringBuilder("The erasure of ")
              .append(requireNonNull(subject).subjectType())
              .append(" left ")
              .append(found.size())
              .append(found.size() == 1 ? " residue" : " residues")
              .append(" (locations only, no values):");
      found.forEach(
          residue -> message.append(System.lineSeparator()).append("  - ").append(residue));
      throw new AssertionError(message.toString());
    }
  }

  /** Runs the erasure between two snapshots and returns every residue found, in table order; see the class. */
  public List<Residue> findResidue() {
    if (subject == null || erasure == null) {
      throw new IllegalStateException(
          "Say which subject is erased and how: call erasing(subject, erasure) first");
    }
    if (values.isEmpty() && model == null) {
      throw new IllegalStateException(
          "Give the subject's values: call withExport(model, store) or withValues(..)");
    }
    Tables tables = structure();
    List<Object> subjectValues = subjectValues();
    Values wanted = new Values(subjectValues, minimumLength);
    Map<String, List<Tables.Row>> before = tables.snapshot(dataSource);
    try {
      erasure.execute();
    } catch (Throwable failure) {
      if (failure instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("The erasure failed, so nothing was checked", failure);
    }
    Map<String, List<Tables.Row>> after = tables.snapshot(dataSource);
    Map<String, Set<Integer>> subjectRows = subjectRows(withReferences(tables), before, wanted);
    Values residual =
        sharers.isEmpty() ? wanted : new Values(withoutShared(subjectValues), minimumLength);
    List<Residue> found = new ArrayList<>();
    for (Tables.Table table : tables.tables()) {
      if (!ignoredTables.contains(table.name().toLowerCase(Locale.ROOT))) {
        residualValues(table, after.get(table.name()), residual, found);
        changedRows(
            table,
            before.get(table.name()),
            after.get(table.name()),
            subjectRows.get(table.name()),
            wanted,
            found);
      }
    }
    return List.copyOf(found);
  }

  private Tables structure() {
    Tables tables = structure.get();
    if (tables == null) {
      tables = Tables.read(dataSource, schema);
      structure.set(tables);
    }
    return tables;
  }

  private List<Object> subjectValues() {
    List<Object> all = new ArrayList<>(values);
    all.addAll(exported(requireNonNull(subject)));
    return all;
  }

  /** {@code values}, collections taken apart, less those the sharers' exports hold now, compared as text. */
  private List<Object> withoutShared(List<Object> values) {
    Set<String> shared = new HashSet<>();
    sharers.forEach(
        other -> flatten(exported(other)).forEach(value -> shared.add(String.valueOf(value))));
    return flatten(values).stream()
        .filter(value -> !shared.contains(String.valueOf(value)))
        .toList();
  }

  private static List<Object> flatten(Iterable<?> values) {
    List<Object> flat = new ArrayList<>();
    for (Object value : values) {
      if (value instanceof Iterable<?> elements) {
        flat.addAll(flatten(elements));
      } else {
        flat.add(value);
      }
    }
    return flat;
  }

  /** The erasable values of {@code key}'s export, or none without {@link #withExport}. */
  private List<Object> exported(SubjectKey key) {
    List<Object> all = new ArrayList<>();
    if (model != null && store != null) {
      for (EntityDescriptor entity : model.entitiesOf(key.subjectType())) {
        try (Stream<SubjectRecord> records = store.records(key, entity)) {
          records.forEach(
              record -> {
                for (FieldDescriptor field : entity.fields()) {
                  if (field.erasure().strategy() != ErasureStrategy.KEEP) {
                    Object value = record.values().get(field.name());
                    if (value != null) {
                      all.add(value);
                    }
                  }
                }
              });
        }
      }
    }
    return all;
  }

  /** {@code tables} with the references of {@link #withReference} as foreign keys. */
  private Tables withReferences(Tables tables) {
    if (references.isEmpty()) {
      return tables;
    }
    List<Tables.Table> all = new ArrayList<>();
    for (Tables.Table table : tables.tables()) {
      List<Tables.ForeignKey> keys = new ArrayList<>(table.foreignKeys());
      for (Reference reference : references) {
        int column = table.column(reference.column());
        if (table.name().equalsIgnoreCase(reference.table()) && column >= 0) {
          keys.add(
              new Tables.ForeignKey(
                  List.of(column),
                  reference.referencedTable(),
                  List.of(reference.referencedColumn())));
        }
      }
      all.add(
          new Tables.Table(
              table.name(),
              table.columns(),
              table.primaryKey(),
              table.keyColumns(),
              List.copyOf(keys)));
    }
    return tables.with(all);
  }

  /** The rows that held a value of the subject, and those that reference them, transitively. */
  private static Map<String, Set<Integer>> subjectRows(
      Tables tables, Map<String, List<Tables.Row>> before, Values wanted) {
    Map<String, Set<Integer>> rows = new HashMap<>();
    for (Tables.Table table : tables.tables()) {
      Set<Integer> held = new HashSet<>();
      List<Tables.Row> content = before.get(table.name());
      for (int i = 0; i < content.size(); i++) {
        List<@Nullable String> cells = content.get(i).cells();
        for (int column = 0; column < cells.size(); column++) {
          if (wanted.heldBy(cells.get(column), table.keyColumns().contains(column))) {
            held.add(i);
            break;
          }
        }
      }
      rows.put(table.name(), held);
    }
    Map<String, Tables.Table> byName = new HashMap<>();
    tables.tables().forEach(table -> byName.put(table.name().toLowerCase(Locale.ROOT), table));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Tables.Table table : tables.tables()) {
        for (Tables.ForeignKey key : table.foreignKeys()) {
          Tables.Table referenced = byName.get(key.referencedTable().toLowerCase(Locale.ROOT));
          if (referenced == null) {
            continue;
          }
          Set<List<@Nullable String>> targets = new HashSet<>();
          List<Integer> referencedColumns =
              key.referencedColumns().stream().map(referenced::column).toList();
          for (int index : rows.get(referenced.name())) {
            targets.add(project(before.get(referenced.name()).get(index), referencedColumns));
          }
          List<Tables.Row> content = before.get(table.name());
          for (int i = 0; i < content.size(); i++) {
            if (!rows.get(table.name()).contains(i)
                && targets.contains(project(content.get(i), key.columns()))) {
              rows.get(table.name()).add(i);
              grew = true;
            }
          }
        }
      }
    }
    return rows;
  }

  private static List<@Nullable String> project(Tables.Row row, List<Integer> columns) {
    List<@Nullable String> cells = new ArrayList<>(columns.size());
    for (int column : columns) {
      cells.add(column < 0 ? null : row.cells().get(column));
    }
    return cells;
  }

  private static void residualValues(
      Tables.Table table, List<Tables.Row> after, Values wanted, List<Residue> found) {
    for (int i = 0; i < after.size(); i++) {
      List<@Nullable String> cells = after.get(i).cells();
      for (int column = 0; column < cells.size(); column++) {
        if (wanted.heldBy(cells.get(column), table.keyColumns().contains(column))) {
          found.add(
              new Residue(
                  Residue.Kind.RESIDUAL_VALUE,
                  table.name(),
                  table.columns().get(column),
                  key(table, after.get(i), i, wanted)));
        }
      }
    }
  }

  private static void changedRows(
      Tables.Table table,
      List<Tables.Row> before,
      List<Tables.Row> after,
      Set<Integer> subjectRows,
      Values wanted,
      List<Residue> found) {
    if (!table.primaryKey().isEmpty()) {
      Map<List<@Nullable String>, Tables.Row> afterByKey = new HashMap<>();
      after.forEach(row -> afterByKey.put(project(row, table.primaryKey()), row));
      for (int i = 0; i < before.size(); i++) {
        if (!subjectRows.contains(i)) {
          Tables.Row now = afterByKey.get(project(before.get(i), table.primaryKey()));
          if (now == null) {
            found.add(
                new Residue(
                    Residue.Kind.OTHER_ROW_DELETED,
                    table.name(),
                    "",
                    key(table, before.get(i), i, wanted)));
          } else if (!now.equals(before.get(i))) {
            found.add(
                new Residue(
                    Residue.Kind.OTHER_ROW_CHANGED,
                    table.name(),
                    "",
                    key(table, before.get(i), i, wanted)));
          }
        }
      }
      return;
    }
    // Without a primary key a row is only its content: each row of someone else must still be
    // there.
    Map<Tables.Row, Integer> remaining = new LinkedHashMap<>();
    after.forEach(row -> remaining.merge(row, 1, Integer::sum));
    for (int i = 0; i < before.size(); i++) {
      if (!subjectRows.contains(i)) {
        Integer count = remaining.get(before.get(i));
        if (count == null) {
          found.add(new Residue(Residue.Kind.OTHER_ROW_CHANGED, table.name(), "", "#" + (i + 1)));
        } else if (count == 1) {
          remaining.remove(before.get(i));
        } else {
          remaining.put(before.get(i), count - 1);
        }
      }
    }
  }

  private static String key(Tables.Table table, Tables.Row row, int index, Values wanted) {
    if (table.primaryKey().isEmpty()) {
      return "#" + (index + 1);
    }
    StringBuilder key = new StringBuilder();
    for (int column : table.primaryKey()) {
      String cell = row.cells().get(column);
      key.append(key.length() == 0 ? "" : ", ")
          .append(table.columns().get(column))
          .append('=')
          .append(cell != null && wanted.heldBy(cell, false) ? "<erased value>" : cell);
    }
    return key.toString();
  }

  @Override
  public String toString() {
    return "ResidueCheck[" + (schema == null ? "default schema" : schema) + "]";
  }

  /** The subject's values as text, split into those found by equality only and those also found inside a cell. */
  private static final class Values {
    private final Set<String> exact = new HashSet<>();
    private final Set<String> textual = new TreeSet<>();
    private final Set<String> contained = new LinkedHashSet<>();

    Values(List<Object> values, int minimumLength) {
      values.forEach(value -> add(value, minimumLength));
    }

    private void add(@Nullable Object value, int minimumLength) {
      if (value instanceof Iterable<?> iterable) {
        iterable.forEach(element -> add(element, minimumLength));
      } else if (value instanceof Map<?, ?> map) {
        map.keySet().forEach(element -> add(element, minimumLength));
        map.values().forEach(element -> add(element, minimumLength));
      } else if (value instanceof Object[] array) {
        for (Object element : array) {
          add(element, minimumLength);
        }
      } else {
        String text = Tables.text(value);
        if (text != null && text.length() >= minimumLength) {
          exact.add(text);
          if (!Tables.numeric(text)) {
            textual.add(text);
            if (text.length() >= CONTAINED_LENGTH) {
              contained.add(text);
            }
          }
        }
      }
    }

    /** Whether {@code cell} holds one of the values; a key column only counts for values that are not numbers. */
    boolean heldBy(@Nullable String cell, boolean keyColumn) {
      if (cell == null) {
        return false;
      }
      if (keyColumn ? textual.contains(cell) : exact.contains(cell)) {
        return true;
      }
      for (String value : contained) {
        if (cell.length() > value.length() && cell.contains(value)) {
          return true;
        }
      }
      return false;
    }
  }
}
