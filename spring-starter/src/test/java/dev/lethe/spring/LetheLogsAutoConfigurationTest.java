package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.logback.HibernateLoadedValues;
import dev.lethe.logback.LetheLogMasking;
import dev.lethe.spring.shop.Customer;
import dev.lethe.spring.shop.ShopPackage;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LetheLogsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class,
                  DataSourceAutoConfiguration.class,
                  DataSourceTransactionManagerAutoConfiguration.class,
                  HibernateJpaAutoConfiguration.class,
                  LetheAutoConfiguration.class,
                  LetheLogsAutoConfiguration.class))
          .withUserConfiguration(ShopPackage.class)
          .withPropertyValues(
              "spring.datasource.url=jdbc:h2:mem:logs-${random.uuid};DB_CLOSE_DELAY=-1",
              "spring.jpa.hibernate.ddl-auto=create-drop",
              LetheAutoConfigurationTest.KEY)
          .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS);

  @AfterEach
  void reset() {
    LetheLogMasking.reset();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(f), 32: the model is installed for %letheMasked while the application runs; a loaded customer's values are remembered")
  void installsTheModelAndFeedsLoadedValues() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed().hasSingleBean(HibernateLoadedValues.class);
          assertThat(LetheLogMasking.mask("Customer[email=ada@example.com, name=Ada Lovelace]"))
              .isEqualTo("Customer[email=***, name=***]");

          EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
          Object id = inTransaction(factory, new Customer(7L, "grace@example.com", "Grace Hopper"));
          var entityManager = factory.createEntityManager();
          entityManager.find(Customer.class, id);
          entityManager.close();
          assertThat(LetheLogMasking.mask("Hello Grace Hopper")).isEqualTo("Hello ***");
        });
    assertThat(LetheLogMasking.mask("name=Ada Lovelace"))
        .as("uninstalled at shut-down")
        .isEqualTo("name=Ada Lovelace");
  }

  @Test
  @DisplayName("Without lethe-logback on the class path, nothing is wired")
  void backsOffWithoutLogback() {
    runner
        .withClassLoader(new FilteredClassLoader("dev.lethe.logback"))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(LetheLogsAutoConfiguration.LogMaskingInstallation.class));
  }

  private static Object inTransaction(EntityManagerFactory factory, Customer customer) {
    var entityManager = factory.createEntityManager();
    entityManager.getTransaction().begin();
    entityManager.persist(customer);
    entityManager.getTransaction().commit();
    entityManager.close();
    return factory.getPersistenceUnitUtil().getIdentifier(customer);
  }
}
