package dev.lethe.jpa.internal;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.StringJavaType;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one native query, streamed through plain JDBC on an entity manager's connection: each
 * column read and converted as Hibernate reads its attribute (the attribute's {@link JdbcMapping},
 * converters included), without Hibernate's result processing (decision record 0040). The entity
 * manager's transaction keeps the connection, and lets PostgreSQL stream with a cursor; closing the
 * rows closes the statement.
 */
final class JdbcRows implements Iterator<Object[]>, AutoCloseable {

  private static final Pattern KEY = Pattern.compile(":" + RouteSql.KEY + "\\b");

  private final ResultSet result;
  private final ColumnReader[] columns;
  private final WrapperOptions options;
  private final SqlExceptionHelper errors;
  private final String sql;
  private boolean fetched;
  private boolean more;

  private JdbcRows(
      ResultSet result, List<JdbcMapping> columns, SessionFactoryImplementor factory, String sql) {
    this.result = result;
    this.columns = columns.stream().map(ColumnReader::of).toArray(ColumnReader[]::new);
    this.options = factory.getWrapperOptions();
    this.errors = factory.getJdbcServices().getSqlExceptionHelper();
    this.sql = sql;
  }

  /**
   * Runs {@code sql}, whose one parameter {@code :key} (named once or more) is bound to {@code key}
   * of {@code keyType}, fetching {@code fetchSize} rows per round trip; its columns are read as
   * {@code columns}.
   */
  static JdbcRows open(
      EntityManager em,
      String sql,
      JdbcMapping keyType,
      Object key,
      List<JdbcMapping> columns,
      int fetchSize) {
    Session session = em.unwrap(Session.class);
    String jdbcSql = KEY.matcher(sql).replaceAll("?");
    long keys = KEY.matcher(sql).results().count();
    SessionFactoryImplementor factory = (SessionFactoryImplementor) session.getSessionFactory();
    ResultSet result =
        session.doReturningWork(
            connection -> {
              PreparedStatement statement = connection.prepareStatement(jdbcSql);
              try {
                statement.setFetchSize(fetchSize);
                for (int i = 1; i <= keys; i++) {
                  bind(statement, i, key, keyType, factory.getWrapperOptions());
                }
                return statement.executeQuery();
              } catch (SQLException | RuntimeException e) {
                statement.close();
                throw e;
              }
            });
    return new JdbcRows(result, columns, factory, jdbcSql);
  }

  /** Binds {@code value} as the entity's attribute of {@code type} would be bound: through its converter, if any. */
  @SuppressWarnings("unchecked")
  static void bind(
      PreparedStatement statement,
      int index,
      Object value,
      JdbcMapping type,
      WrapperOptions options)
      throws SQLException {
    type.getJdbcValueBinder().bind(statement, type.convertToRelationalValue(value), index, options);
  }

  /** The value of {@code column} as the entity's attribute of {@code type} holds it: through its converter, if any. */
  static @Nullable Object read(ResultSet row, int column, JdbcMapping type, WrapperOptions options)
      throws SQLException {
    @Nullable Object value = type.getJdbcValueExtractor().extract(row, column, options);
    return value == null ? null : type.convertToDomainValue(value);
  }

  /** Reads one column as its attribute holds it. */
  @FunctionalInterface
  private interface ColumnReader {
    @Nullable Object read(ResultSet row, int column, WrapperOptions options) throws SQLException;

    /**
     * A plain text column is read with {@code getString}, as its extractor would, but without the
     * extractor's per-value check for TRACE logging (which would log personal data if it were on);
     * any other type through its extractor and converter.
     */
    static ColumnReader of(JdbcMapping type) {
      if (type.getValueConverter() == null
          && type.getJdbcType().getClass() == VarcharJdbcType.class
          && type.getJavaTypeDescriptor().getClass() == StringJavaType.class) {
        return (row, column, options) -> row.getString(column);
      }
      return (row, column, options) -> JdbcRows.read(row, column, type, options);
    }
  }

  @Override
  public boolean hasNext() {
    if (!fetched) {
      try {
        more = result.next();
      } catch (SQLException e) {
        throw errors.convert(e, "Could not read the subject's rows", sql);
      }
      fetched = true;
    }
    return more;
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    fetched = false;
    @Nullable Object[] row = new Object[columns.length];
    try {
      for (int i = 0; i < row.length; i++) {
        row[i] = columns[i].read(result, i + 1, options);
      }
    } catch (SQLException e) {
      throw errors.convert(e, "Could not read the subject's rows", sql);
    }
    return row;
  }

  /** Closes the statement, and with it the result. */
  @Override
  public void close() {
    try {
      result.getStatement().close();
    } catch (SQLException e) {
      throw errors.convert(e, "Could not close the query of the subject's rows", sql);
    }
  }
}
