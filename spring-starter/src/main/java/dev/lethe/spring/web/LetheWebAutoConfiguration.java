package dev.lethe.spring.web;

import dev.lethe.consent.ConsentLedger;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.spi.Outbox;
import dev.lethe.spring.LetheAutoConfiguration;
import dev.lethe.spring.LetheProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves Lethe's REST API when {@code lethe.web.enabled=true} in a servlet application with Spring
 * MVC: the admin endpoints for rights requests (Art. 12, 15, 17, 20) and the self-service endpoints
 * for the signed-in subject (Art. 7(3), 15, 17, 20), and the outbox's dead notices with their retry
 * (Art. 19), all under {@code lethe.web.base-path}.
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

  @Bean
  @ConditionalOnMissingBean
  AdminRequestsController letheAdminRequestsController(DataSubjectRights rights,
      dev.lethe.rights.Acknowledgements acknowledgements, LetheProperties properties) {
    return new AdminRequestsController(rights, acknowledgements, properties.web(), new Callers(properties.web()));
  }

  @Bean
  @ConditionalOnMissingBean
  SelfServiceController letheSelfServiceController(DataSubjectRights rights, ConsentLedger consents,
      PersonalDataModel model, LetheProperties properties) {
    return new SelfServiceController(rights, consents, model, properties.web(), new Callers(properties.web()));
  }

  @Bean
  @ConditionalOnMissingBean
  AdminOutboxController letheAdminOutboxController(Outbox outbox, OutboxAdministration administration,
      LetheProperties properties) {
    return new AdminOutboxController(outbox, administration, new Callers(properties.web()));
  }

  @Bean
  LetheProblems letheProblems() {
    return new LetheProblems();
  }

  /** Serves the controllers under the configured base path, which their mappings leave out. */
  @Bean
  WebMvcConfigurer letheWebBasePath(LetheProperties properties) {
    return new WebMvcConfigurer() {
      @Override
      public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(properties.web().basePath(),
            HandlerTypePredicate.forAssignableType(AdminRequestsController.class, SelfServiceController.class,
                AdminOutboxController.class));
      }
    };
  }
}
