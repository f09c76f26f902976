package dev.lethe.spring.services;

import dev.lethe.jdbc.testing.TestDatabase;
import dev.lethe.spring.services.billing.Account;
import dev.lethe.spring.services.billing.BillingApplication;
import dev.lethe.spring.services.billing.Invoice;
import dev.lethe.spring.services.crm.Contact;
import dev.lethe.spring.services.crm.CrmApplication;
import dev.lethe.spring.services.events.Attendee;
import dev.lethe.spring.services.events.EventsApplication;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The services of one test, connected to one broker: a coordinator (crm) and its participants
 * (billing, events), each a Spring Boot application with its own model and its own database of the
 * kind the run selects. Closing it stops them and drops their databases.
 */
final class Services implements AutoCloseable {

  static final String ADA = "ada.lovelace@example.org";
  static final String BOB = "bob.babbage@example.org";

  /** Every value of Ada's in the three services, distinctive enough to be looked for in every column. */
  static final List<String> ADA_VALUES =
      List.of(
          ADA,
          "Ada Lovelace",
          "12 Analytical Lane",
          "Difference engine repair",
          "Countess of Lovelace");

  /** The events participant's own settings: its coordinator, and the coordinator's names it knows under its own. */
  static final Map<String, Object> EVENTS_SETTINGS =
      Map.of(
          "lethe.services.coordinator",
          "crm",
          "lethe.services.attributes.name",
          "badgeName",
          "lethe.services.purposes.event-invitations",
          "invitations");

  private final Map<String, Object> brokerProperties;
  private final List<ConfigurableApplicationContext> running = new ArrayList<>();
  private final Map<String, TestDatabase> databases = new HashMap<>();

  /** @param brokerProperties the properties that connect a service to the broker */
  Services(Map<String, Object> brokerProperties) {
    this.brokerProperties = Map.copyOf(brokerProperties);
  }

  /** The coordinator, with Ada and Bob as contacts, passing its changes on to {@code participants} (comma-separated). */
  ConfigurableApplicationContext startCrm(String participants) {
    ConfigurableApplicationContext crm =
        start(
            CrmApplication.class,
            "crm",
            true,
            Map.of(
                "lethe.services.participants",
                participants,
                "lethe.controller.recipients[0].name",
                "billing",
                "lethe.controller.recipients[0].description",
                "Invoicing",
                "lethe.controller.recipients[0].country",
                "NL",
                "lethe.controller.recipients[1].name",
                "events",
                "lethe.controller.recipients[1].description",
                "Events",
                "lethe.controller.recipients[1].country",
                "NL"));
    persist(crm, new Contact(1L, ADA, "Ada Lovelace"), new Contact(2L, BOB, "Bob Babbage"));
    return crm;
  }

  /** The billing participant, with Ada's and Bob's accounts and invoices when {@code withData}. */
  ConfigurableApplicationContext startBilling(boolean withData) {
    ConfigurableApplicationContext billing =
        start(
            BillingApplication.class,
            "billing",
            withData,
            Map.of("lethe.services.coordinator", "crm"));
    if (withData) {
      Account ada = new Account(1L, ADA, "12 Analytical Lane");
      Account bob = new Account(2L, BOB, "7 Engine Street");
      persist(
          billing,
          ada,
          bob,
          new Invoice(10L, ada, "Difference engine repair"),
          new Invoice(11L, bob, "Loom cards, 400"));
    }
    return billing;
  }

  /** The events participant, with Ada and Bob as attendees when {@code withData}. */
  ConfigurableApplicationContext startEvents(boolean withData) {
    ConfigurableApplicationContext events =
        start(EventsApplication.class, "events", withData, EVENTS_SETTINGS);
    if (withData) {
      persist(
          events, new Attendee(1L, ADA, "Countess of Lovelace"), new Attendee(2L, BOB, "Bob B."));
    }
    return events;
  }

  private ConfigurableApplicationContext start(
      Class<?> application, String name, boolean fresh, Map<String, Object> extra) {
    TestDatabase database = databases.computeIfAbsent(name, service -> TestDatabase.create());
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .properties(properties(name, database.jdbcUrl(), database.user(), fresh, extra))
            .run();
    running.add(context);
    return context;
  }

  /**
   * Every property the service {@code name} starts with: the broker's, its database at {@code url},
   * its own pseudonym key and name, a quick outbox, and {@code extra}. {@code fresh} creates its tables.
   */
  Map<String, Object> properties(
      String name, String url, String user, boolean fresh, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>(brokerProperties);
    properties.putAll(extra);
    properties.put("spring.application.name", name);
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", user);
    properties.put("spring.datasource.password", "");
    properties.put("spring.jpa.hibernate.ddl-auto", fresh ? "create" : "none");
    properties.put(
        "lethe.pseudonym-key", Base64.getEncoder().encodeToString(name.repeat(32).getBytes()));
    properties.put("lethe.services.name", name);
    properties.put("lethe.outbox.interval", "PT0.2S");
    properties.put("lethe.outbox.initial-back-off", "PT0.2S");
    properties.put("lethe.outbox.max-back-off", "PT1S");
    return properties;
  }

  @Override
  public void close() throws SQLException {
    for (ConfigurableApplicationContext context : running) {
      context.close();
    }
    for (TestDatabase database : databases.values()) {
      if (database.kind() == TestDatabase.Kind.H2) {
        // Spring created the in-memory database as its user, which TestDatabase's own connection is
        // not.
        try (Connection connection =
                DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
            Statement statement = connection.createStatement()) {
          statement.execute("shutdown");
        }
      } else {
        database.close();
      }
    }
  }

  static void persist(ConfigurableApplicationContext service, Object... entities) {
    EntityManager em = service.getBean(EntityManagerFactory.class).createEntityManager();
    try {
      em.getTransaction().begin();
      for (Object entity : entities) {
        em.persist(entity);
      }
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  /** The tables of the database {@code dataSource} connects to, in its default schema. */
  static List<String> tables(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          metadata.getTables(
              connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
      return tables;
    }
  }

  /** Lethe's own tables among {@link #tables}. */
  static List<String> letheTables(DataSource dataSource) throws SQLException {
    return tables(dataSource).stream()
        .filter(table -> table.toLowerCase(Locale.ROOT).startsWith("lethe_"))
        .toList();
  }

  /** Where, in every column of every table, one of {@code values} is held: "table.column", never the value. */
  static List<String> cellsHolding(DataSource dataSource, List<String> values) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      String quote = connection.getMetaData().getIdentifierQuoteString();
      for (String table : tables(dataSource)) {
        try (ResultSet rows = statement.executeQuery("select * from " + quote + table + quote)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              String cell = rows.getString(column);
              if (cell != null
                  && values.stream()
                      .anyMatch(
                          value ->
                              cell.toLowerCase(Locale.ROOT)
                                  .contains(value.toLowerCase(Locale.ROOT)))) {
                found.add(table + "." + rows.getMetaData().getColumnName(column));
              }
            }
          }
        }
      }
    }
    return found;
  }

  /** {@link #cellsHolding(DataSource, List)} in the database of {@code service}. */
  static List<String> cellsHolding(ConfigurableApplicationContext service, List<String> values)
      throws SQLException {
    return cellsHolding(service.getBean(DataSource.class), values);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    // Generous: three services and a broker share a build machine's cores; a condition that holds
    // comes true in seconds, and only a failing test waits this long.
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }
}
