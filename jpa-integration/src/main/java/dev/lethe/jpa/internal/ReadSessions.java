package dev.lethe.jpa.internal;

import dev.lethe.spi.PersonalDataStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The entity managers the reader's streams read on (Art. 15(3), 20(1)), each in a transaction so
 * that PostgreSQL streams with a cursor instead of reading everything at once.
 *
 * <p>Outside {@link #together} each stream opens an entity manager of its own, and closing the
 * stream rolls its transaction back and closes it. Inside, on the thread that runs the work, the
 * streams opened one after another share one (decision record 0042): a report's dozen sections then
 * cost one connection from the pool, one begin and one rollback, not a dozen. A stream that opens
 * while another still reads on the shared one gets one of its own, as outside: on MariaDB, a
 * statement run while a streaming result is open on the same connection makes the driver buffer the
 * rest of that result in memory, which an export of a million rows in a small heap cannot afford.
 * The streams are read and closed on the thread that opened them. The thread's state lasts as long
 * as the work and no longer: nothing here outlives a call, as nothing may where several replicas
 * share the database.
 */
final class ReadSessions {

  private final EntityManagerFactory emf;

  /** The reading together that runs on this thread, only while its work runs. */
  private final ThreadLocal<Together> current = new ThreadLocal<>();

  ReadSessions(EntityManagerFactory emf) {
    this.emf = emf;
  }

  /**
   * Runs {@code work} with the streams it opens sharing one entity manager where they can; at its
   * end, whether it returns or throws, every session opened inside is rolled back and closed. Inside
   * another, it runs in the outer one.
   */
  <T, E extends Exception> T together(PersonalDataStore.ReadWork<T, E> work) throws E {
    if (current.get() != null) {
      return work.run();
    }
    Together together = new Together();
    current.set(together);
    T result;
    try {
      result = work.run();
    } catch (Throwable failure) {
      current.remove();
      // The work's failure is what the caller must see; a failure to close goes with it.
      try {
        together.end();
      } catch (RuntimeException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
    current.remove();
    together.end();
    return result;
  }

  /**
   * A session for one stream, added to {@code sessions}: the shared one if the stream opens inside
   * {@link #together} while no other stream reads on it, else one of its own.
   */
  Session open(List<Session> sessions) {
    Together together = current.get();
    Session session =
        together == null ? new Session(begin(), Session::endTransaction) : together.open();
    sessions.add(session);
    return session;
  }

  /**
   * {@code rows} as an ordered stream whose closing closes {@code sessions}. A row that fails to be
   * read fails its sessions, so that a shared one is not handed to the next stream.
   */
  static <T> Stream<T> stream(Iterator<T> rows, List<Session> sessions) {
    Iterator<T> watched =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return rows.hasNext();
            } catch (RuntimeException e) {
              throw failed(sessions, e);
            }
          }

          @Override
          public T next() {
            try {
              return rows.next();
            } catch (RuntimeException e) {
              throw failed(sessions, e);
            }
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(watched, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(() -> closeAll(sessions));
  }

  private static RuntimeException failed(List<Session> sessions, RuntimeException failure) {
    sessions.forEach(Session::fail);
    return failure;
  }

  /** Closes every one of {@code sessions}, even if closing one fails; the first failure is thrown. */
  static void closeAll(List<Session> sessions) {
    RuntimeException failure = null;
    for (Session session : sessions) {
      try {
        session.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes {@code sessions} after their stream failed to open: none is handed out again. */
  static void closeAfterFailure(List<Session> sessions) {
    sessions.forEach(Session::fail);
    closeAll(sessions);
  }

  private Transaction begin() {
    EntityManager em = emf.createEntityManager();
    try {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      return new Transaction(em, tx);
    } catch (RuntimeException e) {
      em.close();
      throw e;
    }
  }

  /** An entity manager in a transaction that is only ever rolled back: a reader changes nothing. */
  private record Transaction(EntityManager em, EntityTransaction tx) {
    void end() {
      try {
        if (tx.isActive()) {
          tx.rollback();
        }
      } finally {
        em.close();
      }
    }
  }

  /**
   * One stream's hold on an entity manager, and the queries the stream runs on its connection, which
   * closing the stream closes: on a shared connection, the transaction's end would be too late.
   */
  static final class Session {
    final EntityManager em;
    private final Transaction transaction;
    private final Consumer<Session> release;
    private final List<Runnable> queries = new ArrayList<>();
    private boolean failed;
    private boolean closed;

    private Session(Transaction transaction, Consumer<Session> release) {
      this.em = transaction.em();
      this.transaction = transaction;
      this.release = release;
    }

    /** Runs {@code close} when the stream closes, to close a query it runs on this session. */
    void closing(Runnable close) {
      queries.add(close);
    }

    /**
     * Marks the session failed: a failed statement may have aborted the transaction (PostgreSQL then
     * refuses every later statement), so a shared one is ended when the stream closes.
     */
    void fail() {
      failed = true;
    }

    /** Closes the stream's queries, then gives the entity manager back or closes it; once. */
    void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        queries.forEach(Runnable::run);
      } catch (RuntimeException e) {
        failed = true;
        throw e;
      } finally {
        release.accept(this);
      }
    }

    private void endTransaction() {
      transaction.end();
    }
  }

  /**
   * The sessions of one reading together: the transaction its streams share, the stream reading on
   * it now, and the sessions of their own opened beside it, which its end closes if their streams
   * were left open.
   */
  private final class Together {
    private @Nullable Transaction shared;
    private @Nullable Session reading;
    private final List<Session> beside = new ArrayList<>();

    Session open() {
      if (reading == null) {
        if (shared == null) {
          shared = begin();
        }
        reading = new Session(shared, this::giveBack);
        return reading;
      }
      Session own = new Session(begin(), this::closeBeside);
      beside.add(own);
      return own;
    }

    private void giveBack(Session session) {
      reading = null;
      if (session.failed && shared != null) {
        Transaction failed = shared;
        shared = null;
        failed.end();
      }
    }

    private void closeBeside(Session session) {
      beside.remove(session);
      session.endTransaction();
    }

    /** Closes what the streams left open, then ends the shared transaction. */
    void end() {
      List<Session> open = new ArrayList<>(beside);
      if (reading != null) {
        open.add(0, reading);
      }
      try {
        closeAll(open);
      } finally {
        if (shared != null) {
          Transaction ending = shared;
          shared = null;
          ending.end();
        }
      }
    }
  }
}
