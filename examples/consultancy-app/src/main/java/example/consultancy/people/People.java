package example.consultancy.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The Spring Data repositories of the people, in one place. */
public final class People {

  private People() {}

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

    /** Starts the 12-month retention clock of the exercise's applicants when it is completed. */
    @Modifying
    @Transactional
    @Query("update Applicant a set a.exerciseClosedOn = :closedOn where a.exercise = :exercise")
    int startRetentionClock(RecruitmentExercise exercise, LocalDate closedOn);
  }

  /** Employees. */
  public interface Employees extends JpaRepository<Employee, Long> {}

  /** Recruitment exercises. */
  public interface Exercises extends JpaRepository<RecruitmentExercise, Long> {}

  /** Client organisations. */
  public interface Organisations extends JpaRepository<ClientOrganisation, Long> {}

  /** Licensed users. */
  public interface LicensedUsers extends JpaRepository<LicensedUser, Long> {}

  /** Enquiries. */
  public interface Enquiries extends JpaRepository<Enquiry, Long> {}

  /** Event and webinar registrations. */
  public interface Registrations extends JpaRepository<EventRegistration, Long> {}

  /** Website visits. */
  public interface Visits extends JpaRepository<WebsiteVisit, Long> {}
}
