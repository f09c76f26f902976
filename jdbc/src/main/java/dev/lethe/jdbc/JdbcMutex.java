package dev.lethe.jdbc;

import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Mutual exclusion across replicas, through the database (the table {@code lethe_mutex_slot}): {@link
 * #holding} runs work in the caller's transaction while no other transaction holds the same key, for
 * a check followed by a write that must not interleave with another replica's, such as taking a
 * rights request only if the subject has no open one of its type (Art. 12(2)). A key locks the row
 * of its slot ({@code select ... for update}; {@value #SLOTS} rows, a key's slot is its hash modulo
 * their number), which a second transaction holding a key of that slot waits for until the first
 * ends. The rows never change and no key is written. Keys sharing a slot take turns too, which
 * costs a wait, never a wrong answer. Call it inside a transaction on the same {@link DataSource}
 * ({@link JdbcTransactions}, or Spring's), so that the lock lasts as long as the work's transaction.
 */
public final class JdbcMutex {

  /** The longest key. */
  public static final int MAX_KEY_LENGTH = 100;

  /** The rows of {@code lethe_mutex_slot} that keys share. */
  public static final int SLOTS = 1_024;

  private final Jdbc jdbc;

  private JdbcMutex(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A mutex over the {@link LetheSchema} table behind {@code dataSource}. */
  public static JdbcMutex of(DataSource dataSource) {
    return new JdbcMutex(requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Runs {@code work} while holding {@code key}, waiting for another transaction holding it (or a key
   * of the same slot) to end, up to the database's lock timeout.
   *
   * @throws IllegalArgumentException if {@code key} is blank or longer than {@value #MAX_KEY_LENGTH}
   */
  public <T> T holding(String key, Supplier<T> work) {
    requireNonNull(key, "key");
    requireNonNull(work, "work");
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("A mutex key has 1 to " + MAX_KEY_LENGTH + " characters");
    }
    int slot = slot(key);
    List<Integer> locked =
        jdbc.query(
            "take a mutex",
            "select slot from lethe_mutex_slot where slot = ? for update",
            row -> row.getInt(1),
            slot);
    if (locked.isEmpty()) {
      throw new IllegalStateException(
          "lethe_mutex_slot has no row " + slot + ": migrate Lethe's schema (LetheSchema.migrate)");
    }
    return work.get();
  }

  /** The key's slot: {@link String#hashCode} is the same in every JVM, so every replica agrees. */
  static int slot(String key) {
    return Math.floorMod(key.hashCode(), SLOTS);
  }
}
