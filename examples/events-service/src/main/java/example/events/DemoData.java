package example.events;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fictional attendees, loaded at start: the consultancy app's demo contacts (its {@code DemoData}),
 * so that an erasure there finds their data here too. The ticketing service holds their tickets for
 * an event day; the video-meetings service their webinar registrations and the questions they asked.
 */
@Component
class DemoData implements ApplicationRunner {

  /** One demo person: the consultancy app's contact, and what they left with this service. */
  record Person(
      String email, String fullName, String organisation, String bookingNote, String question) {}

  /** The consultancy app's demo contacts, each with a note and a question of their own. */
  static final List<Person> PEOPLE =
      List.of(
          new Person(
              "alice@example.com",
              "Alice Archer",
              "Northfield College",
              "Step-free access to the hall, please",
              "Does the self-assessment template cover subcontracted provision?"),
          new Person(
              "bob@example.com",
              "Bob Baker",
              "Riverside Training Ltd",
              "Vegetarian lunch",
              "How far back do inspectors look at learner data?"),
          new Person(
              "carol@example.com",
              "Carol Cole",
              "Hillside Academy",
              "Arriving after the first session",
              "Can governors see the quality dashboard?"),
          new Person(
              "dan@example.com",
              "Dan Dixon",
              "Eastgate Skills",
              "Two colleagues may join",
              "Is there a version of the slides for apprenticeship providers?"),
          new Person(
              "erin@example.com",
              "Erin Evans",
              "Westbrook FE College",
              "Gluten-free lunch",
              "Which data returns does the tool import?"),
          new Person(
              "frank@example.com",
              "Frank Foster",
              "Southport Learning",
              "Parking space needed",
              "Will the recording be shared with attendees?"),
          new Person(
              "grace@example.com",
              "Grace Green",
              "Northfield College",
              "None",
              "How do you handle deep dives in small colleges?"));

  static final String EVENT_DAY = "Inspection readiness day";
  static final String WEBINAR = "Webinar: preparing for inspection";

  private final EntityManager entityManager;
  private final TransactionTemplate transactions;
  private final Environment environment;
  private final Clock clock;

  DemoData(
      EntityManager entityManager,
      TransactionTemplate transactions,
      Environment environment,
      Clock clock) {
    this.entityManager = entityManager;
    this.transactions = transactions;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean videoMeetings = "video-meetings".equals(environment.getProperty("lethe.services.name"));
    LocalDate today = LocalDate.now(clock);
    transactions.executeWithoutResult(
        status -> {
          Long held =
              entityManager
                  .createQuery("select count(a) from Attendee a", Long.class)
                  .getSingleResult();
          if (held > 0) {
            return; // a persistent database keeps what an earlier start loaded
          }
          for (Person person : PEOPLE) {
            Attendee attendee =
                new Attendee(person.email(), person.fullName(), person.organisation());
            entityManager.persist(attendee);
            if (videoMeetings) {
              entityManager.persist(
                  new Booking(attendee, WEBINAR, today.plusWeeks(2), "Joins from the office"));
              entityManager.persist(new WebinarQuestion(attendee, WEBINAR, person.question()));
            } else {
              entityManager.persist(
                  new Booking(attendee, EVENT_DAY, today.plusMonths(1), person.bookingNote()));
            }
          }
        });
  }
}
