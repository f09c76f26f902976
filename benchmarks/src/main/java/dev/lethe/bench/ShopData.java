package dev.lethe.bench;

import dev.lethe.bench.shop.Address;
import dev.lethe.bench.shop.Customer;
import dev.lethe.bench.shop.Login;
import dev.lethe.bench.shop.Message;
import dev.lethe.bench.shop.OrderLine;
import dev.lethe.bench.shop.Payment;
import dev.lethe.bench.shop.Phone;
import dev.lethe.bench.shop.PurchaseOrder;
import dev.lethe.bench.shop.Review;
import dev.lethe.bench.shop.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fresh rows of the shop model, written with JDBC batches, and the checks that an erasure left
 * none of a subject's personal data. The values are synthetic.
 */
public final class ShopData {

  /** The ten entity types of one subject: the root and nine linked types. */
  public static final Class<?>[] ENTITIES = {
    Customer.class,
    Address.class,
    Phone.class,
    Message.class,
    Login.class,
    Ticket.class,
    PurchaseOrder.class,
    OrderLine.class,
    Payment.class,
    Review.class
  };

  /**
   * One linked table: its name, the column leading towards the customer, its personal-data column,
   * whether erasure deletes its rows (otherwise it nulls or replaces the column), and the value
   * erasure writes in place ({@code null} for NULLIFY).
   */
  record Table(String name, String parent, String column, boolean deleted, String erased) {}

  /** The nine linked tables, parents before children. */
  static final List<Table> TABLES =
      List.of(
          new Table("address", "customer_id", "street", true, ""),
          new Table("phone", "customer_id", "digits", true, ""),
          new Table("message", "customer_id", "body", true, ""),
          new Table("login_event", "customer_id", "ip", true, ""),
          new Table("ticket", "customer_id", "content", true, ""),
          new Table("purchase_order", "customer_id", "shippingName", false, ""),
          new Table("order_line", "order_id", "giftNote", false, ""),
          new Table("payment", "customer_id", "holder", false, "erased"),
          new Table("review", "customer_id", "author", false, ""));

  private static final int BATCH = 1_000;

  /** Every table of the shop: the customers' and the nine linked ones. */
  static List<String> tableNames() {
    return Stream.concat(Stream.of("customer"), TABLES.stream().map(Table::name)).toList();
  }

  private long nextId = 1;

  /** A generator of rows whose keys start at 1. */
  public ShopData() {}

  /** The e-mail address of the synthetic customer {@code id}. */
  public static String email(long id) {
    return "customer" + id + "@example.test";
  }

  /**
   * Inserts customer {@code id} with {@code rows} rows in all: its own and, spread evenly over the
   * nine linked types, {@code (rows - 1) / 9} each (at least one). Returns the rows inserted.
   */
  public long insert(Connection connection, long customerId, int rows) throws SQLException {
    int perType = Math.max(1, (rows - 1) / TABLES.size());
    try (PreparedStatement customer =
        connection.prepareStatement("insert into customer (id, name, email) values (?, ?, ?)")) {
      customer.setLong(1, customerId);
      customer.setString(2, "Name " + customerId);
      customer.setString(3, email(customerId));
      customer.executeUpdate();
    }
    long firstOrder = 0;
    for (Table table : TABLES) {
      long first = nextId;
      if (table.name().equals("purchase_order")) {
        firstOrder = first;
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into "
                  + table.name()
                  + " (id, "
                  + table.parent()
                  + ", "
                  + table.column()
                  + ") values (?, ?, ?)")) {
        for (int i = 0; i < perType; i++) {
          long id = nextId++;
          insert.setLong(1, id);
          insert.setLong(
              2, table.parent().equals("order_id") ? firstOrder + i % perType : customerId);
          insert.setString(3, table.column() + " " + id + " of customer " + customerId);
          insert.addBatch();
          if ((i + 1) % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
    }
    connection.commit();
    return 1L + (long) perType * TABLES.size();
  }

  /** Deletes every row of customer {@code id}, erased or not, so that the next invocation starts afresh. */
  public static void delete(Connection connection, long customerId) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (int i = TABLES.size() - 1; i >= 0; i--) {
        Table table = TABLES.get(i);
        statement.executeUpdate(
            "delete from " + table.name() + " where " + where(table, customerId));
      }
      statement.executeUpdate("delete from customer where id = " + customerId);
    }
    connection.commit();
  }

  /**
   * How many personal-data values of customer {@code id} are left: rows of the deleting types, and
   * values of the other types that erasure has not yet overwritten. Zero after an erasure.
   */
  public static long personalValues(Connection connection, long customerId) throws SQLException {
    long left = 0;
    try (Statement statement = connection.createStatement()) {
      for (Table table : TABLES) {
        String condition =
            table.deleted()
                ? ""
                : table.erased().isEmpty()
                    ? " and " + table.column() + " is not null"
                    : " and " + table.column() + " <> '" + table.erased() + "'";
        left +=
            count(
                statement,
                "select count(*) from "
                    + table.name()
                    + " where "
                    + where(table, customerId)
                    + condition);
      }
      left +=
          count(
              statement,
              "select count(*) from customer where id = "
                  + customerId
                  + " and (name <> '"
                  + Customer.ERASED_NAME
                  + "' or email <> '"
                  + Customer.ERASED_EMAIL
                  + "')");
    }
    connection.rollback();
    return left;
  }

  private static String where(Table table, long customerId) {
    return table.parent().equals("order_id")
        ? "order_id in (select id from purchase_order where customer_id = " + customerId + ")"
        : "customer_id = " + customerId;
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
