package example.consultancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The example application: a B2B software and consultancy firm whose processing is declared on its
 * entities, with a privacy centre for the people it holds data on and an admin page for their
 * requests.
 */
@SpringBootApplication
@EnableJpaRepositories(considerNestedRepositories = true)
public class ConsultancyApplication {

  private static final Logger LOG = LoggerFactory.getLogger(ConsultancyApplication.class);

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(ConsultancyApplication.class, args);
  }

  @EventListener
  void whereToLook(ApplicationReadyEvent ready) {
    Environment environment = ready.getApplicationContext().getEnvironment();
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    LOG.info(
        """

        Lethe consultancy example is running.
          Privacy centre:   {}/privacy   sign in as {} (password: {}), or {} ({})
          Lethe console:    {}/lethe/console   sign in as {} (password: {}): requests, legal holds,
                            audit trail, retention runs, and the records (Art. 30 record, data map)
          Privacy notice:   {}/records/privacy-notice
        """,
        base,
        DemoData.DEMO_CONTACT,
        DemoData.DEMO_PASSWORD,
        DemoData.OTHER_CONTACT,
        DemoData.DEMO_PASSWORD,
        base,
        DemoData.ADMIN,
        DemoData.ADMIN_PASSWORD,
        base);
  }
}
