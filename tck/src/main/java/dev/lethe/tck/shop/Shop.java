package dev.lethe.tck.shop;

import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The shop domain of the compatibility kits, and populations of it. */
public final class Shop {

  /** Every entity class of the domain. */
  public static final List<Class<?>> ENTITIES =
      List.of(Customer.class, PurchaseOrder.class, OrderNote.class, LoginEvent.class);

  private Shop() {}

  private static final PersonalDataModel MODEL =
      PersonalDataModel.scan(ENTITIES.toArray(Class<?>[]::new));

  /** The domain's model. */
  public static PersonalDataModel model() {
    return MODEL;
  }

  /**
   * A population: per customer {@code c} (ids 1..customers), {@code ordersEach} orders with one note
   * each and two logins; every value carries the customer's number so that tests can tell whose it is.
   */
  public static List<Object> population(int customers, int ordersEach) {
    List<Object> population = new ArrayList<>();
    long nextId = 1;
    for (int c = 1; c <= customers; c++) {
      Customer customer =
          new Customer(
              (long) c, "customer" + c + "@example.com", "Name " + c, "+44 7700 900" + pad(c));
      population.add(customer);
      for (int o = 1; o <= ordersEach; o++) {
        PurchaseOrder order =
            new PurchaseOrder(
                nextId++,
                customer,
                Instant.parse("2025-01-01T00:00:00Z"),
                c + " Order Street " + o,
                new BigDecimal(c * 1000 + o));
        population.add(order);
        population.add(new OrderNote(nextId++, order, "note " + o + " of customer " + c));
      }
      for (int l = 1; l <= 2; l++) {
        population.add(
            new LoginEvent(
                nextId++,
                customer.email,
                Instant.parse("2025-02-01T00:00:00Z"),
                "10.0." + c + "." + l));
      }
    }
    return population;
  }

  /** Whether {@code row} of a {@link #population} belongs to customer number {@code customer}. */
  public static boolean belongsTo(Object row, int customer) {
    String owner;
    if (row instanceof Customer c) {
      owner = c.email;
    } else if (row instanceof PurchaseOrder o) {
      owner = o.customer.email;
    } else if (row instanceof OrderNote n) {
      owner = n.order.customer.email;
    } else {
      owner = ((LoginEvent) row).customerEmail;
    }
    return owner.equals("customer" + customer + "@example.com");
  }

  /** The non-null personal-data values of {@code row}, as the reports write them. */
  public static Set<String> personalValues(Object row) {
    Set<String> values = new HashSet<>();
    for (FieldDescriptor field : MODEL.entity(row.getClass()).orElseThrow().fields()) {
      try {
        Object value = row.getClass().getField(field.name()).get(row);
        if (value != null) {
          values.add(String.valueOf(value));
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }

  private static String pad(int number) {
    return String.format("%03d", number);
  }
}
