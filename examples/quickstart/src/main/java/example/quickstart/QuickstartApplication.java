package example.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The README's quick start as an application: one entity, its repository, and the first rights request. */
@SpringBootApplication
public class QuickstartApplication {

  /**
   * Starts the application on an in-memory H2 database.
   *
   * @param args Spring Boot's command-line arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(QuickstartApplication.class, args);
  }
}
