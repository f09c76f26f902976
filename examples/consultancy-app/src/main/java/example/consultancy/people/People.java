package example.consultancy.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The Spring Data repositories of the people, in one place. */
public final class People {

  private People() {
  }

  /** Contacts. */
  public interface Contacts extends JpaRepository<Contact, Long> {
    /** The contact with this e-mail address. */
    Optional<Contact> findByEmail(String email);
  }

  /** Newsletter subscriptions. */
  public interface Subscriptions extends JpaRepository<NewsletterSubscription, Long> {
    /** The contact's subscriptions. */
    List<NewsletterSubscription> findByContact(Contact contact);
  }

  /** Applicants. */
  public interface Applicants extends JpaRepository<Applicant, Long> {
    /** The applicants to an exercise, for the recruitment statistics. */
    List<Applicant> findByExercise(RecruitmentExercise exercise);
  }

  /** Employees. */
  public interface Employees extends JpaRepository<Employee, Long> {
  }

  /** Recruitment exercises. */
  public interface Exercises extends JpaRepository<RecruitmentExercise, Long> {
  }

  /** Client organisations. */
  public interface Organisations extends JpaRepository<ClientOrganisation, Long> {
  }

  /** Licensed users. */
  public interface LicensedUsers extends JpaRepository<LicensedUser, Long> {
  }

  /** Enquiries. */
  public interface Enquiries extends JpaRepository<Enquiry, Long> {
  }

  /** Event and webinar registrations. */
  public interface Registrations extends JpaRepository<EventRegistration, Long> {
  }

  /** Website visits. */
  public interface Visits extends JpaRepository<WebsiteVisit, Long> {
  }
}
