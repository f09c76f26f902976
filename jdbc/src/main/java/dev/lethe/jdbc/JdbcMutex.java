package dev.lethe.jdbc;

import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Mutual exclusion across replicas, through the database (the table {@code lethe_mutex}): {@link
 * #holding} runs work in the caller's transaction while no other transaction holds the same key, for
 * a check followed by a write that must not interleave with another replica's, such as taking a
 * rights request only if the subject has no open one of its type (Art. 12(2)). The key's row is
 * inserted first, which makes a second transaction inserting it wait until the first ends, and
 * deleted after the work: the table holds nothing at rest. Call it inside a transaction on the same
 * {@link DataSource} ({@link JdbcTransactions}, or Spring's), so that the row and the work commit or
 * roll back together.
 */
public final class JdbcMutex {

  /** The longest key, the table's column. */
  public static final int MAX_KEY_LENGTH = 100;

  private final Jdbc jdbc;

  private JdbcMutex(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A mutex over the {@link LetheSchema} table behind {@code dataSource}. */
  public static JdbcMutex of(DataSource dataSource) {
    return new JdbcMutex(requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Runs {@code work} while holding {@code key}, waiting for another transaction holding it to end
   * (up to the database's lock timeout). Keys are names, never personal data: a keyed pseudonym.
   *
   * @throws IllegalArgumentException if {@code key} is blank or longer than {@value #MAX_KEY_LENGTH}
   */
  public <T> T holding(String key, Supplier<T> work) {
    requireNonNull(key, "key");
    requireNonNull(work, "work");
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("A mutex key has 1 to " + MAX_KEY_LENGTH + " characters");
    }
    jdbc.update("take a mutex", "insert into lethe_mutex (lock_key) values (?)", key);
    T result = work.get();
    jdbc.update("release a mutex", "delete from lethe_mutex where lock_key = ?", key);
    return result;
  }
}
