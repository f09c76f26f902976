package dev.lethe.jpa.replicas;

import dev.lethe.rights.RecipientNotifications;
import dev.lethe.spi.Notification;
import dev.lethe.spi.RecipientNotifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The recipients of Art. 19 notices, as one external system shared by every replica: each delivery
 * is logged in {@code proc_delivery}, and its effect is applied once per idempotency key in
 * {@code proc_effect} (a primary key), as a receiver of at-least-once delivery must. It is down
 * (every delivery throws) while {@code proc_receiver.down} is set, and a replica may see it through
 * a flaky network that drops one delivery in {@code flakyEvery}.
 *
 * <p>It writes on a DataSource of its own, so that it never joins a transaction of Lethe's.
 */
final class IdempotentReceiver implements RecipientNotifier {

  private final DataSource receiverDatabase;
  private final String replica;
  private final int flakyEvery;
  private final AtomicLong deliveries = new AtomicLong();
  private volatile long downCheckedAt;
  private volatile boolean down;

  IdempotentReceiver(DataSource receiverDatabase, String replica, int flakyEvery) {
    this.receiverDatabase = receiverDatabase;
    this.replica = replica;
    this.flakyEvery = flakyEvery;
  }

  @Override
  public void notifyRecipient(String recipient, Notification notification) {
    if (isDown()) {
      throw new IllegalStateException("The receiver is down");
    }
    if (flakyEvery > 0 && deliveries.incrementAndGet() % flakyEvery == 0) {
      throw new IllegalStateException("The network dropped the delivery");
    }
    String key = RecipientNotifications.idempotencyKey(notification, recipient);
    try (Connection connection = receiverDatabase.getConnection()) {
      try (PreparedStatement log =
          connection.prepareStatement(
              "insert into proc_delivery (effect_key, replica) values (?, ?)")) {
        log.setString(1, key);
        log.setString(2, replica);
        log.executeUpdate();
      }
      if (!applied(connection, key)) {
        try (PreparedStatement apply =
            connection.prepareStatement("insert into proc_effect (effect_key) values (?)")) {
          apply.setString(1, key);
          apply.executeUpdate();
        } catch (SQLException racedWithAnotherDelivery) {
          // Two dispatchers delivered the key at once: the primary key kept one effect. Anything
          // else fails.
          if (!applied(connection, key)) {
            throw racedWithAnotherDelivery;
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The receiver could not apply a notice", e);
    }
  }

  private static boolean applied(Connection connection, String key) throws SQLException {
    try (PreparedStatement find =
        connection.prepareStatement("select count(*) from proc_effect where effect_key = ?")) {
      find.setString(1, key);
      try (ResultSet rows = find.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    }
  }

  /** Whether the receiver is down now, read from the shared switch at most every 100 ms. */
  private boolean isDown() {
    long now = System.nanoTime();
    if (now - downCheckedAt > 100_000_000L) {
      try (Connection connection = receiverDatabase.getConnection();
          PreparedStatement query =
              connection.prepareStatement("select down from proc_receiver where id = 1");
          ResultSet rows = query.executeQuery()) {
        down = rows.next() && rows.getBoolean(1);
      } catch (SQLException e) {
        down = true;
      }
      downCheckedAt = now;
    }
    return down;
  }
}
