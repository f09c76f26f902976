package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.spring.shop.ShopPackage;
import dev.lethe.spring.web.AdminRequestsController;
import dev.lethe.spring.web.LetheWebAutoConfiguration;
import dev.lethe.spring.web.SelfServiceController;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class LetheWebAutoConfigurationTest {

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(LetheAutoConfiguration.class, LetheWebAutoConfiguration.class))
          .withUserConfiguration(ShopPackage.class)
          .withPropertyValues(LetheAutoConfigurationTest.KEY)
          .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS);

  @Test
  @DisplayName(
      "With lethe.web.enabled in a servlet application, the admin and self-service endpoints are served")
  void served() {
    web.withPropertyValues("lethe.web.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(AdminRequestsController.class)
                    .hasSingleBean(SelfServiceController.class));
  }

  @Test
  @DisplayName(
      "An identity limit longer than Lethe's request table holds is refused at start-up, naming the property")
  void identityLimitBeyondTheColumnIsRefused() {
    web.withPropertyValues("lethe.web.enabled=true", "lethe.web.max-identity-length=400")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("maxIdentityLength"));
  }

  @Test
  @DisplayName("The REST API is off unless switched on")
  void offByDefault() {
    web.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(AdminRequestsController.class)
                .doesNotHaveBean(SelfServiceController.class));
  }

  @Test
  @DisplayName("Without a servlet web application or without Spring MVC, the REST API backs off")
  void backsOff() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(LetheAutoConfiguration.class, LetheWebAutoConfiguration.class))
        .withUserConfiguration(ShopPackage.class)
        .withPropertyValues(LetheAutoConfigurationTest.KEY, "lethe.web.enabled=true")
        .withPropertyValues(LetheAutoConfigurationTest.RECIPIENTS)
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(AdminRequestsController.class));
    web.withPropertyValues("lethe.web.enabled=true")
        .withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SelfServiceController.class));
  }
}
