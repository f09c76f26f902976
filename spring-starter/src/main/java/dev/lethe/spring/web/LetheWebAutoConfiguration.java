package dev.lethe.spring.web;

import dev.lethe.breach.BreachRegister;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.jdbc.JdbcMutex;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.objection.Objections;
import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.restriction.Restrictions;
import dev.lethe.retention.LegalHolds;
import dev.lethe.rights.Acknowledgements;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.Transactions;
import dev.lethe.spring.LetheAutoConfiguration;
import dev.lethe.spring.LetheProperties;
import dev.lethe.subject.Pseudonymizer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Lethe's REST API when {@code lethe.web.enabled=true} in a servlet application with Spring
 * MVC, all under {@code lethe.web.base-path}: the admin endpoints for rights requests (Art. 12, 15,
 * 16, 17, 18, 20, 21, 22), legal holds (Art. 17(3)(e)), the lifting of restrictions (Art. 18(3)), the
 * breach register (Art. 33, 34), the consents given under an older notice (Art. 7(1), 13(3)) and the
 * outbox's dead notices with their retry (Art. 19), and the self-service endpoints for the signed-in
 * subject (Art. 7(3), 15, 17, 18, 20, 21, 22). Its OpenAPI description is {@value #OPENAPI} in the jar.
 *
 * <p>It adds no authentication: the application's security (Spring Security or the container's)
 * signs callers in, and the endpoints check the principal and the admin role through the servlet
 * API, refusing with 401 or 403 problem details.
 */
@AutoConfiguration(after = LetheAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(name = "lethe.web.enabled", havingValue = "true")
@ConditionalOnBean({DataSubjectRights.class, ConsentLedger.class, PersonalDataModel.class})
public class LetheWebAutoConfiguration {

  /** Where the OpenAPI description of the endpoints is, on the class path. */
  public static final String OPENAPI = "META-INF/lethe/openapi.yaml";

  /**
   * How new requests are taken in, shared by the admin and self-service endpoints: submissions of one
   * type for one subject take turns across replicas through Lethe's tables where they are.
   */
  @Bean
  RequestIntake letheRequestIntake(
      DataSubjectRights rights,
      RequestStore requests,
      PersonalDataModel model,
      Transactions transactions,
      Pseudonymizer pseudonymizer,
      ObjectProvider<JdbcMutex> mutex,
      Clock clock,
      LetheProperties properties) {
    JdbcMutex databaseMutex = mutex.getIfAvailable();
    return new RequestIntake(
        rights,
        requests,
        model,
        transactions,
        pseudonymizer,
        databaseMutex != null
            ? RequestIntake.Queue.of(databaseMutex)
            : RequestIntake.Queue.inThisJvm(),
        clock,
        properties.web());
  }

  @Bean
  @ConditionalOnMissingBean
  AdminRequestsController letheAdminRequestsController(
      DataSubjectRights rights,
      Acknowledgements acknowledgements,
      Restrictions restrictions,
      Objections objections,
      PersonalDataModel model,
      Transactions transactions,
      RequestIntake intake,
      LetheProperties properties) {
    return new AdminRequestsController(
        rights,
        acknowledgements,
        restrictions,
        objections,
        model,
        transactions,
        intake,
        properties.web(),
        callers(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  SelfServiceController letheSelfServiceController(
      DataSubjectRights rights,
      ConsentLedger consents,
      Objections objections,
      Restrictions restrictions,
      PersonalDataModel model,
      PrivacyNotice notice,
      Transactions transactions,
      RequestIntake intake,
      LetheProperties properties) {
    return new SelfServiceController(
        rights,
        consents,
        objections,
        restrictions,
        model,
        notice,
        transactions,
        intake,
        properties.web(),
        callers(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  AdminLegalHoldsController letheAdminLegalHoldsController(
      LegalHolds holds, LetheProperties properties) {
    return new AdminLegalHoldsController(holds, new Limits(properties.web()), callers(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  AdminRestrictionsController letheAdminRestrictionsController(
      Restrictions restrictions, DataSubjectRights rights, LetheProperties properties) {
    return new AdminRestrictionsController(
        restrictions, rights, new Limits(properties.web()), callers(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  AdminBreachesController letheAdminBreachesController(
      BreachRegister breaches, Clock clock, LetheProperties properties) {
    return new AdminBreachesController(
        breaches, clock, new Limits(properties.web()), callers(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  AdminConsentsController letheAdminConsentsController(
      ConsentLedger consents,
      PersonalDataModel model,
      PrivacyNotice notice,
      LetheProperties properties) {
    return new AdminConsentsController(consents, model, notice, callers(properties));
  }

  @Bean
  @ConditionalOnMissingBean
  AdminOutboxController letheAdminOutboxController(
      Outbox outbox, OutboxAdministration administration, LetheProperties properties) {
    return new AdminOutboxController(outbox, administration, callers(properties));
  }

  @Bean
  LetheProblems letheProblems() {
    return new LetheProblems();
  }

  /** Refuses bodies over {@code lethe.web.max-body-size} on Lethe's paths, before they are read. */
  @Bean
  FilterRegistrationBean<BodySizeLimit> letheBodySizeLimit(LetheProperties properties) {
    FilterRegistrationBean<BodySizeLimit> registration =
        new FilterRegistrationBean<>(new BodySizeLimit(properties.web().maxBodySize().toBytes()));
    registration.addUrlPatterns(properties.web().basePath() + "/*");
    return registration;
  }

  /** Serves Lethe's controllers, this package's, under the configured base path, which their mappings leave out. */
  @Bean
  WebMvcConfigurer letheWebBasePath(LetheProperties properties) {
    return new WebMvcConfigurer() {
      @Override
      public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(
            properties.web().basePath(),
            HandlerTypePredicate.forBasePackageClass(LetheWebAutoConfiguration.class));
      }
    };
  }

  private static Callers callers(LetheProperties properties) {
    return new Callers(properties.web());
  }
}
