package example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application's own tests, written before it had Lethe and left unchanged when the starter was
 * added: no Lethe property, no Lethe bean. They pass because, on an in-memory database, the starter
 * makes a pseudonym key for the run instead of refusing to start.
 */
@SpringBootTest
class CustomerRepositoryTest {

  @Autowired CustomerRepository customers;

  @BeforeEach
  void empty() {
    customers.deleteAll();
  }

  @Test
  void savesACustomer() {
    customers.save(customer(1L, "ada@example.com"));

    assertThat(customers.count()).isEqualTo(1);
  }

  @Test
  void findsACustomerByEmail() {
    customers.save(customer(2L, "grace@example.com"));

    assertThat(customers.findByEmail("grace@example.com"))
        .get()
        .extracting(found -> found.id)
        .isEqualTo(2L);
    assertThat(customers.findByEmail("nobody@example.com")).isEmpty();
  }

  @Test
  void deletesACustomer() {
    customers.save(customer(3L, "alan@example.com"));

    customers.deleteById(3L);

    assertThat(customers.existsById(3L)).isFalse();
  }

  private static Customer customer(long id, String email) {
    Customer customer = new Customer();
    customer.id = id;
    customer.email = email;
    return customer;
  }
}
