package dev.lethe.spring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.spring.LetheAutoConfiguration;
import dev.lethe.spring.console.club.ClubPackage;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

class LetheConsoleAutoConfigurationTest {

  private static final String KEY =
      "lethe.pseudonym-key=" + Base64.getEncoder().encodeToString(new byte[32]);

  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LetheAutoConfiguration.class, LetheConsoleAutoConfiguration.class))
          .withUserConfiguration(ClubPackage.class)
          .withPropertyValues(KEY);

  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class Security {
    @Bean
    SecurityFilterChain chain(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).build();
    }
  }

  @Test
  @DisplayName("The console is off unless switched on: it shows every request")
  void offByDefault() {
    web.withUserConfiguration(Security.class)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(ConsoleRequestsController.class));
  }

  @Test
  @DisplayName("Art. 32: switched on with Spring Security, the console's pages are served")
  void served() {
    web.withUserConfiguration(Security.class)
        .withPropertyValues("lethe.console.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(ConsoleRequestsController.class)
                    .hasSingleBean(ConsolePagesController.class)
                    .hasSingleBean(ConsoleRecordsController.class));
  }

  @Test
  @DisplayName(
      "Art. 32: switched on without a Spring Security filter chain, the application does not start, saying why")
  void refusedWithoutSecurity() {
    web.withPropertyValues("lethe.console.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .hasMessageContaining("no Spring Security filter chain")
                    .hasMessageContaining("lethe.console.enabled=false"));
  }

  @Test
  @DisplayName("Outside a servlet web application the console backs off")
  void backsOff() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                LetheAutoConfiguration.class, LetheConsoleAutoConfiguration.class))
        .withUserConfiguration(ClubPackage.class)
        .withPropertyValues(KEY, "lethe.console.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(ConsoleRequestsController.class));
  }
}
