package example.events;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A participant service (Art. 17(2), 19): it holds the attendees of Mesma's events and webinars and
 * carries out the erasures and restrictions the consultancy app, its coordinator, passes on to it,
 * answering each with a receipt. The same code runs as {@code ticketing} (profile {@code ticketing})
 * and as {@code video-meetings} (profile {@code video-meetings}), each with its own database: both
 * tools hold the same kinds of data (attendees and their bookings, and for webinars the questions
 * asked) and take part in the same way, so one code base with two profiles says so better than two
 * modules that would differ only in their demo data.
 */
@SpringBootApplication
public class EventsServiceApplication {

  /**
   * Its configuration file: {@code events-service.yml}, not {@code application.yml}, so that it can run
   * in one JVM beside the consultancy app (whose {@code application.yml} is then on the class path too).
   */
  public static final Map<String, Object> CONFIG_NAME =
      Map.of("spring.config.name", "events-service");

  /** Starts one instance: give the profile of the service it plays, {@code ticketing} or {@code video-meetings}. */
  public static void main(String[] args) {
    application().run(args);
  }

  /** The application, configured from {@code events-service.yml} and its profiles. */
  public static SpringApplication application() {
    return new SpringApplicationBuilder(EventsServiceApplication.class)
        .properties(CONFIG_NAME)
        .build();
  }
}
