package example.consultancy.people;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A job applicant. "Personal information about unsuccessful candidates will be held for 12 months
 * after the recruitment exercise has been completed": the clock is the exercise's closing date,
 * set by {@link People.Applicants#startRetentionClock} when it closes. At expiry the row is
 * anonymised, not deleted, so that the exercise, the outcome and the source stay as
 * de-personalised recruitment statistics. A successful applicant's details move to their
 * {@link Employee} file.
 */
@Entity
@DataSubject("applicant")
@Processing(purpose = "recruitment", basis = LawfulBasis.Kind.CONTRACT)
// The retention sweep walks this index in clock and key order (Lethe advises it at start-up).
@Table(indexes = @Index(columnList = "exerciseClosedOn, id"))
@Retention(
    period = "P12M",
    clock = "exerciseClosedOn",
    action = RetentionAction.ANONYMISE,
    reason =
        "Unsuccessful candidates' details are held for 12 months after the recruitment exercise is completed;"
            + " de-personalised statistics are kept")
public class Applicant {

  /** How an application ended. */
  public enum Outcome {
    PENDING,
    UNSUCCESSFUL,
    HIRED
  }

  @Id @GeneratedValue public @Nullable Long id;

  @ManyToOne(optional = false)
  public @Nullable RecruitmentExercise exercise;

  @PersonalData(category = "identity.name")
  public @Nullable String fullName;

  @SubjectIdentity("email")
  @PersonalData(
      category = "contact.email",
      erasure = ErasureStrategy.REPLACE,
      label = "E-mail address")
  public @Nullable String email;

  @PersonalData(category = "contact.phone")
  public @Nullable String phone;

  @PersonalData(category = "recruitment.application")
  public @Nullable String application;

  @Enumerated(EnumType.STRING)
  public Outcome outcome = Outcome.PENDING;

  /** Where the applicant heard of the vacancy: kept for the statistics. */
  public @Nullable String source;

  public @Nullable LocalDate exerciseClosedOn;

  protected Applicant() {}

  /** An application to {@code exercise}. */
  public Applicant(
      RecruitmentExercise exercise,
      String fullName,
      String email,
      String application,
      String source) {
    this.exercise = exercise;
    this.fullName = fullName;
    this.email = email;
    this.application = application;
    this.source = source;
  }
}
