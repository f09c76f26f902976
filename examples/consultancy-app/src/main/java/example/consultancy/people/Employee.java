package example.consultancy.people;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An employee's file. "Once their employment has ended, we will retain the file for 12 months":
 * the clock starts on the leaving date, and the file is deleted at expiry.
 */
@Entity
@DataSubject("employee")
@Processing(purpose = "employment", basis = LawfulBasis.Kind.CONTRACT)
// The retention sweep walks this index in clock and key order (Lethe advises it at start-up).
@Table(indexes = @Index(columnList = "leftOn, id"))
@Retention(
    period = "P12M",
    clock = "leftOn",
    action = RetentionAction.DELETE,
    reason =
        "Employee files are kept for 12 months after employment ends, or longer where legislation requires")
public class Employee {

  @Id @GeneratedValue public @Nullable Long id;

  @PersonalData(category = "identity.name")
  public @Nullable String fullName;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", label = "E-mail address")
  public @Nullable String email;

  @PersonalData(category = "contact.postal-address")
  public @Nullable String postalAddress;

  @PersonalData(category = "professional.job-title")
  public @Nullable String jobTitle;

  @PersonalData(category = "employment.record")
  public @Nullable String file;

  public @Nullable LocalDate startedOn;

  /** The last day of employment; null while employed, so the retention clock has not started. */
  public @Nullable LocalDate leftOn;

  protected Employee() {}

  /** An employee since {@code startedOn}. */
  public Employee(
      String fullName, String email, String jobTitle, String file, LocalDate startedOn) {
    this.fullName = fullName;
    this.email = email;
    this.jobTitle = jobTitle;
    this.file = file;
    this.startedOn = startedOn;
  }
}
