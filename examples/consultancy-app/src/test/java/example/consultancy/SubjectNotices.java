package example.consultancy;

import dev.lethe.breach.BreachNotifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A channel to the subjects of a breach (Art. 34(1)) that accepts every notice, for the tests that
 * tell them: the consultancy's own application configures none, so its console refuses to.
 */
@TestConfiguration(proxyBeanMethods = false)
class SubjectNotices {

  @Bean
  BreachNotifier breachNotifier() {
    return notice -> {};
  }
}
