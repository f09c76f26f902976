package dev.lethe.spring.console;

import dev.lethe.audit.AuditTrail;
import dev.lethe.breach.BreachRegister;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objections;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.records.RecordOfProcessing;
import dev.lethe.restriction.Restrictions;
import dev.lethe.retention.LegalHolds;
import dev.lethe.retention.RetentionRunLog;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spring.LetheAutoConfiguration;
import dev.lethe.spring.LetheProperties;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console under {@code lethe.console.base-path} when {@code lethe.console.enabled=true}
 * in a servlet application: the pages for the people who answer rights requests (Art. 12), legal
 * holds (Art. 17(3)(e)), the audit chain (Art. 5(2)), the retention runs (Art. 5(1)(e)), the breach
 * register (Art. 33) and the records (Art. 30, 13/14). Only users with {@code
 * lethe.console.admin-role} see it; the application's Spring Security signs them in and puts a CSRF
 * token in every form. Without a Spring Security filter chain the application does not start: the
 * console would be open to anyone.
 */
@AutoConfiguration(after = LetheAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "lethe.console.enabled", havingValue = "true")
@ConditionalOnBean({DataSubjectRights.class, PersonalDataModel.class, RecordOfProcessing.class})
public class LetheConsoleAutoConfiguration {

  @Bean
  ConsoleRequestsController letheConsoleRequestsController(
      DataSubjectRights rights,
      Restrictions restrictions,
      Objections objections,
      AuditTrail audit,
      Acknowledgements acknowledgements,
      PersonalDataModel model,
      Clock clock,
      LetheProperties properties) {
    LetheProperties.ConsoleProperties console = properties.console();
    RequestPages pages =
        new RequestPages(
            words(properties), model, audit, acknowledgements, objections, console.dueSoonDays());
    return new ConsoleRequestsController(
        rights,
        restrictions,
        objections,
        audit.transactions(),
        pages,
        input(properties),
        clock,
        console.pageSize(),
        console.basePath());
  }

  @Bean
  ConsolePagesController letheConsolePagesController(
      LegalHolds holds,
      PersonalDataModel model,
      AuditTrail audit,
      RetentionRunLog runLog,
      LetheProperties properties) {
    return new ConsolePagesController(
        holds,
        model,
        audit,
        runLog,
        input(properties),
        words(properties),
        properties.console().basePath());
  }

  @Bean
  @ConditionalOnBean(BreachRegister.class)
  ConsoleBreachesController letheConsoleBreachesController(
      BreachRegister breaches, PersonalDataModel model, Clock clock, LetheProperties properties) {
    LetheProperties.ControllerProperties controller = properties.controller();
    return new ConsoleBreachesController(
        breaches,
        model,
        clock,
        input(properties),
        words(properties),
        Objects.requireNonNullElse(controller.dpoEmail(), controller.email()),
        properties.console().basePath());
  }

  @Bean
  ConsoleRecordsController letheConsoleRecordsController(
      RecordOfProcessing record, PrivacyNotice notice, PersonalDataModel model) {
    return new ConsoleRecordsController(record, notice, model);
  }

  @Bean
  ConsoleAdvice letheConsoleAdvice(LetheProperties properties) {
    return new ConsoleAdvice(properties.console().basePath());
  }

  /** The base path and the role every page needs; templates read the base path to link their pages. */
  @Bean
  WebMvcConfigurer letheConsoleAccess(LetheProperties properties) {
    LetheProperties.ConsoleProperties console = properties.console();
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry
            .addInterceptor(new ConsoleAccess(console.adminRole()))
            .addPathPatterns(console.basePath(), console.basePath() + "/**");
      }
    };
  }

  /** Refuses to start without Spring Security: without it, nobody signs in and no form carries a CSRF token. */
  @Bean
  SmartInitializingSingleton letheConsoleRequiresSecurity(
      ListableBeanFactory beans, LetheProperties properties) {
    return () -> {
      if (beans.getBeanNamesForType(SecurityFilterChain.class).length == 0) {
        throw new IllegalStateException(
            "lethe.console.enabled is true, but the application has no Spring Security"
                + " filter chain: the console would be open to anyone. Add spring-boot-starter-security and a"
                + " SecurityFilterChain that signs users in (users with the role "
                + properties.console().adminRole()
                + " see the console), or set lethe.console.enabled=false.");
      }
    };
  }

  private static ConsoleInput input(LetheProperties properties) {
    return new ConsoleInput(
        properties.web().maxReasonLength(), properties.web().maxIdentityLength());
  }

  /** The console's zone: {@code lethe.console.zone}, else the controller's {@code lethe.zone}, else the system's. */
  private static Words words(LetheProperties properties) {
    ZoneId zone =
        Objects.requireNonNullElse(
            properties.console().zone(),
            Objects.requireNonNullElse(properties.zone(), ZoneId.systemDefault()));
    return new Words(zone);
  }
}
