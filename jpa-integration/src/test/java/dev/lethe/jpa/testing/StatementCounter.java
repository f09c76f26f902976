package dev.lethe.jpa.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the SQL statements that reach the JDBC driver, below Hibernate and the pool: every
 * {@code prepareStatement}, {@code prepareCall}, and every execution of a plain {@code Statement}.
 * It can also fail the Nth statement, to inject a fault in the middle of an erasure.
 */
public final class StatementCounter {

  private final AtomicInteger count = new AtomicInteger();
  private final List<String> statements = new ArrayList<>();
  private volatile int failAt = -1;

  /** Starts counting from zero, and fails no statement. */
  public synchronized void reset() {
    count.set(0);
    statements.clear();
    failAt = -1;
  }

  /** Statements since the last {@link #reset()}. */
  public int count() {
    return count.get();
  }

  /** The SQL of the statements since the last reset, for a failure message. */
  public synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  /** Makes the {@code n}th statement from now (1-based) fail with an {@link SQLException}. */
  public void failAt(int n) {
    reset();
    failAt = n;
  }

  private synchronized void counted(String sql) throws SQLException {
    int n = count.incrementAndGet();
    statements.add(sql);
    if (n == failAt) {
      failAt = -1;
      throw new SQLException("Injected failure at statement " + n);
    }
  }

  /** {@code dataSource}, with every statement of its connections counted. */
  public DataSource wrap(DataSource dataSource) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(method, dataSource, args);
              return result instanceof Connection connection ? connection(connection) : result;
            });
  }

  private Connection connection(Connection connection) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = method.getName();
          if ((name.equals("prepareStatement") || name.equals("prepareCall"))
              && args != null
              && args[0] instanceof String sql) {
            counted(sql);
          }
          Object result = invoke(method, connection, args);
          if (name.equals("createStatement") && result instanceof Statement statement) {
            return statement(statement);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private Statement statement(Statement statement) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")
              && args != null
              && args.length > 0
              && args[0] instanceof String sql) {
            counted(sql);
          }
          return invoke(method, statement, args);
        };
    return (Statement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Statement.class}, handler);
  }

  /** {@code method} called on {@code target}, throwing what it throws rather than its wrapper. */
  static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
