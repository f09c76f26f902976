package example.consultancy;

import dev.lethe.consent.ConsentEvidence;
import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.subject.SubjectIdentifier;
import example.consultancy.people.Applicant;
import example.consultancy.people.ClientOrganisation;
import example.consultancy.people.Contact;
import example.consultancy.people.Employee;
import example.consultancy.people.Enquiry;
import example.consultancy.people.EventRegistration;
import example.consultancy.people.LicensedUser;
import example.consultancy.people.NewsletterSubscription;
import example.consultancy.people.People;
import example.consultancy.people.RecruitmentExercise;
import example.consultancy.people.WebsiteVisit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Fictional people to try the application with, loaded at start: contacts who sign in to the
 * privacy centre, applicants to a closed and an open recruitment exercise, and employees.
 */
@Component
class DemoData implements ApplicationRunner {

  static final String DEMO_CONTACT = "alice@example.com";
  static final String OTHER_CONTACT = "bob@example.com";
  static final String DEMO_PASSWORD = "demo";
  static final String ADMIN = "admin@mesma.example";
  static final String ADMIN_PASSWORD = "admin";

  /** The contacts who may sign in; each test works on its own one. */
  static final List<String> SIGN_INS =
      List.of(
          DEMO_CONTACT,
          OTHER_CONTACT,
          "carol@example.com",
          "dan@example.com",
          "erin@example.com",
          "frank@example.com",
          "grace@example.com");

  /**
   * The version of the privacy statement the demo's consents were given under, in 2021: older than
   * the notice's own, so the consent ledger reports them to ask again (Art. 7(1), 13(3)).
   */
  static final String NOTICE_VERSION = "privacy-statement-v3-2021-09-15";

  private final People.Contacts contacts;
  private final People.Organisations organisations;
  private final People.LicensedUsers licensedUsers;
  private final People.Subscriptions subscriptions;
  private final People.Registrations registrations;
  private final People.Enquiries enquiries;
  private final People.Visits visits;
  private final People.Exercises exercises;
  private final People.Applicants applicants;
  private final People.Employees employees;
  private final ConsentLedger consent;
  private final Clock clock;

  DemoData(
      People.Contacts contacts,
      People.Organisations organisations,
      People.LicensedUsers licensedUsers,
      People.Subscriptions subscriptions,
      People.Registrations registrations,
      People.Enquiries enquiries,
      People.Visits visits,
      People.Exercises exercises,
      People.Applicants applicants,
      People.Employees employees,
      ConsentLedger consent,
      Clock clock) {
    this.contacts = contacts;
    this.organisations = organisations;
    this.licensedUsers = licensedUsers;
    this.subscriptions = subscriptions;
    this.registrations = registrations;
    this.enquiries = enquiries;
    this.visits = visits;
    this.exercises = exercises;
    this.applicants = applicants;
    this.employees = employees;
    this.consent = consent;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (contacts.count() > 0) {
      return; // a persistent database keeps what an earlier start loaded
    }
    LocalDate today = LocalDate.now(clock);
    ClientOrganisation college = organisations.save(new ClientOrganisation("Northfield College"));
    String[][] people = {
      {"Alice Archer", DEMO_CONTACT, "Quality Manager", "Northfield College"},
      {"Bob Baker", OTHER_CONTACT, "Head of Curriculum", "Riverside Training Ltd"},
      {"Carol Cole", "carol@example.com", "Principal", "Hillside Academy"},
      {"Dan Dixon", "dan@example.com", "Director of Quality", "Eastgate Skills"},
      {"Erin Evans", "erin@example.com", "Data Manager", "Westbrook FE College"},
      {"Frank Foster", "frank@example.com", "Apprenticeship Lead", "Southport Learning"},
      {"Grace Green", "grace@example.com", "Governor", "Northfield College"}
    };
    for (String[] person : people) {
      Contact contact = new Contact(person[0], person[1], person[2], person[3]);
      contact.businessPhone = "0191 496 0" + (100 + contacts.count());
      contact.postalAddress = contacts.count() + " Example Road, Sunderland";
      contacts.save(contact);
      subscriptions.save(
          new NewsletterSubscription(contact, "inspection updates", clock.instant()));
      consent.give(
          new SubjectIdentifier("contact", "email", person[1]),
          "newsletter",
          ConsentEvidence.of(NOTICE_VERSION, ConsentMethod.WEB_FORM_OPT_IN));
      licensedUsers.save(
          new LicensedUser(contact, college, "Self-assessment editor", today.minusMonths(8)));
      registrations.save(
          new EventRegistration(
              contact,
              "Webinar: preparing for inspection",
              today.plusWeeks(2),
              "Please send the slides afterwards"));
      enquiries.save(new Enquiry(contact, "Could you send pricing for 40 users?", clock.instant()));
    }
    visits.save(new WebsiteVisit("192.0.2.17", "/pricing", clock.instant()));
    visits.save(
        new WebsiteVisit("198.51.100.4", "/resources/self-assessment-guide", clock.instant()));

    // A recruitment exercise completed 13 months ago: its unsuccessful applicants are due for
    // anonymising.
    RecruitmentExercise closed = exercises.save(new RecruitmentExercise("Quality consultant"));
    applicant(closed, "Hana Hill", "hana@example.org", "job board", Applicant.Outcome.UNSUCCESSFUL);
    applicant(closed, "Ivan Irwin", "ivan@example.org", "LinkedIn", Applicant.Outcome.UNSUCCESSFUL);
    applicant(closed, "Jade Jones", "jade@example.org", "referral", Applicant.Outcome.HIRED);
    closed.closedOn = today.minusMonths(13);
    exercises.save(closed);
    applicants.startRetentionClock(closed, today.minusMonths(13));
    RecruitmentExercise open = exercises.save(new RecruitmentExercise("Software developer"));
    applicant(open, "Kit Kemp", "kit@example.org", "job board", Applicant.Outcome.PENDING);

    employee("Jade Jones", "jade@mesma.example", "Quality consultant", null);
    employee("Leo Lane", "leo@mesma.example", "Account manager", today.minusMonths(13));
    employee("Mia Moss", "mia@mesma.example", "Trainer", today.minusMonths(3));
  }

  private void applicant(
      RecruitmentExercise exercise,
      String name,
      String email,
      String source,
      Applicant.Outcome outcome) {
    Applicant applicant = new Applicant(exercise, name, email, "CV and covering letter", source);
    applicant.outcome = outcome;
    applicants.save(applicant);
  }

  private void employee(String name, String email, String jobTitle, @Nullable LocalDate leftOn) {
    Employee employee =
        new Employee(
            name,
            email,
            jobTitle,
            "Contract, appraisals, payroll details",
            LocalDate.of(2020, 1, 6));
    employee.leftOn = leftOn;
    employees.save(employee);
  }
}
