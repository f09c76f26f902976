package dev.lethe.spring.services.crm;

import dev.lethe.restriction.SubjectNotifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The coordinator: a CRM whose contacts' data is disclosed to the billing and events services. */
@SpringBootApplication
public class CrmApplication {

  /** Tells the subject before a restriction is lifted (Art. 18(3)): here, nobody to tell. */
  @Bean
  SubjectNotifier subjectNotifier() {
    return (subject, restriction) -> {};
  }
}
