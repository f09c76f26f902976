package dev.lethe.test;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The tables of one schema as JDBC metadata describes them, read once, and their content as text:
 * the structure a {@link ResidueCheck} compares before and after an erasure.
 */
final class Tables {

  /** A foreign key: the referencing columns (by index) and the referenced table and columns. */
  record ForeignKey(
      List<Integer> columns, String referencedTable, List<String> referencedColumns) {}

  /** One table: its columns in order, the indexes of its primary key and of its key columns. */
  record Table(
      String name,
      List<String> columns,
      List<Integer> primaryKey,
      Set<Integer> keyColumns,
      List<ForeignKey> foreignKeys) {

    int column(String name) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** A row as text, one cell per column; null where the database holds null. */
  record Row(List<@Nullable String> cells) {}

  private final List<Table> tables;
  private final String quote;

  private Tables(List<Table> tables, String quote) {
    this.tables = tables;
    this.quote = quote;
  }

  /** The same schema described by {@code others}: the tables with references added. */
  Tables with(List<Table> others) {
    return new Tables(List.copyOf(others), quote);
  }

  List<Table> tables() {
    return tables;
  }

  /** Reads the structure of {@code schema} (or of the connection's own schema when null). */
  static Tables read(DataSource dataSource, @Nullable String schema) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      String catalog = connection.getCatalog();
      String schemaName = schema != null ? schema : connection.getSchema();
      List<String> names = new ArrayList<>();
      try (ResultSet rows = metadata.getTables(catalog, schemaName, "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          // The pattern arguments treat "_" as a wildcard: keep only the exact schema.
          if (same(rows.getString("TABLE_SCHEM"), schemaName)
              && same(rows.getString("TABLE_CAT"), catalog)) {
            names.add(rows.getString("TABLE_NAME"));
          }
        }
      }
      names.sort(String.CASE_INSENSITIVE_ORDER);
      List<Table> tables = new ArrayList<>();
      for (String name : names) {
        tables.add(table(metadata, catalog, schemaName, name));
      }
      finish(connection);
      String quote = metadata.getIdentifierQuoteString().trim();
      return new Tables(List.copyOf(tables), quote);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the schema's tables: " + e.getMessage(), e);
    }
  }

  private static boolean same(@Nullable String found, @Nullable String wanted) {
    return found == null || wanted == null || found.equals(wanted);
  }

  private static Table table(
      DatabaseMetaData metadata, String catalog, @Nullable String schema, String name)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = metadata.getColumns(catalog, schema, name, "%")) {
      Map<Integer, String> ordered = new TreeMap<>();
      while (rows.next()) {
        if (same(rows.getString("TABLE_SCHEM"), schema)
            && rows.getString("TABLE_NAME").equals(name)) {
          ordered.put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
        }
      }
      columns.addAll(ordered.values());
    }
    Map<Integer, Integer> keyBySequence = new TreeMap<>();
    try (ResultSet rows = metadata.getPrimaryKeys(catalog, schema, name)) {
      while (rows.next()) {
        keyBySequence.put(rows.getInt("KEY_SEQ"), indexOf(columns, rows.getString("COLUMN_NAME")));
      }
    }
    Map<String, TreeMap<Integer, String[]>> keys = new LinkedHashMap<>();
    try (ResultSet rows = metadata.getImportedKeys(catalog, schema, name)) {
      while (rows.next()) {
        String id = rows.getString("PKTABLE_NAME") + "/" + rows.getString("FK_NAME");
        keys.computeIfAbsent(id, ignored -> new TreeMap<>())
            .put(
                rows.getInt("KEY_SEQ"),
                new String[] {
                  rows.getString("FKCOLUMN_NAME"),
                  rows.getString("PKTABLE_NAME"),
                  rows.getString("PKCOLUMN_NAME")
                });
      }
    }
    List<ForeignKey> foreignKeys = new ArrayList<>();
    Set<Integer> keyColumns = new TreeSet<>(keyBySequence.values());
    for (TreeMap<Integer, String[]> key : keys.values()) {
      List<Integer> local = new ArrayList<>();
      List<String> referenced = new ArrayList<>();
      String referencedTable = key.firstEntry().getValue()[1];
      for (String[] part : key.values()) {
        local.add(indexOf(columns, part[0]));
        referenced.add(part[2]);
      }
      keyColumns.addAll(local);
      foreignKeys.add(new ForeignKey(List.copyOf(local), referencedTable, List.copyOf(referenced)));
    }
    return new Table(
        name,
        List.copyOf(columns),
        List.copyOf(keyBySequence.values()),
        Set.copyOf(keyColumns),
        List.copyOf(foreignKeys));
  }

  private static int indexOf(List<String> columns, String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalStateException(
          "JDBC metadata names a key column that its column list lacks");
    }
    return index;
  }

  /** Every row of every table, as text, read in one transaction. */
  Map<String, List<Row>> snapshot(DataSource dataSource) {
    Map<String, List<Row>> content = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      for (Table table : tables) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < table.columns().size(); i++) {
          sql.append(i == 0 ? "" : ", ").append(quoted(table.columns().get(i)));
        }
        sql.append(" from ").append(quoted(table.name()));
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery(sql.toString())) {
          while (result.next()) {
            List<@Nullable String> cells = new ArrayList<>(table.columns().size());
            for (int i = 1; i <= table.columns().size(); i++) {
              cells.add(text(result.getObject(i)));
            }
            rows.add(new Row(cells));
          }
        }
        content.put(table.name(), rows);
      }
      finish(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the tables: " + e.getMessage(), e);
    }
    return content;
  }

  private String quoted(String identifier) {
    return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
  }

  private static void finish(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
  }

  /**
   * One value as comparable text, the same for what a driver returns and what an export holds:
   * numbers without trailing zeros, dates and times in ISO form, bytes in hex.
   */
  static @Nullable String text(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return text(BigDecimal.valueOf(((Number) value).doubleValue()));
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    if (value instanceof Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof Time time) {
      return time.toLocalTime().toString();
    }
    if (value instanceof TemporalAccessor) {
      return value.toString();
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Clob clob) {
      try (Reader reader = clob.getCharacterStream()) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
          text.append(buffer, 0, read);
        }
        return text.toString();
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("Could not read a CLOB", e);
      }
    }
    if (value instanceof Object[] array) {
      return Arrays.toString(array);
    }
    return value.toString();
  }

  /** Whether {@code text} reads as a number, which key columns hold without it being personal. */
  static boolean numeric(String text) {
    if (text.isEmpty()) {
      return false;
    }
    try {
      new BigDecimal(text.toUpperCase(Locale.ROOT));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
