package dev.lethe.jpa.testing;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the connections taken from a pool and those not given back yet, above the pool: what a
 * piece of work checks out, which a count below the pool would not see (the pool keeps its
 * connections open).
 */
public final class ConnectionCounter {

  private final AtomicInteger taken = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();

  /** Starts counting the connections taken from zero; those open stay counted until closed. */
  public void reset() {
    taken.set(0);
  }

  /** Connections taken since the last {@link #reset()}. */
  public int taken() {
    return taken.get();
  }

  /** Connections taken and not closed yet. */
  public int open() {
    return open.get();
  }

  /** {@code pool}, with every connection taken from it counted until it is closed. */
  public DataSource wrap(DataSource pool) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = StatementCounter.invoke(method, pool, args);
              if (result instanceof Connection connection) {
                taken.incrementAndGet();
                open.incrementAndGet();
                return counted(connection);
              }
              return result;
            });
  }

  private Connection counted(Connection connection) {
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")
                  && method.getParameterCount() == 0
                  && closed.compareAndSet(false, true)) {
                open.decrementAndGet();
              }
              return StatementCounter.invoke(method, connection, args);
            });
  }
}
