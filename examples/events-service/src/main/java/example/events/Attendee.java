package example.events;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * A person booked on Mesma's events or webinars, found by the e-mail address the consultancy app
 * knows its contact by: the same subject type ({@code contact}) and identity ({@code email}), so
 * that the coordinator's notices name them here as they are (Art. 17(2), 19). The service processes
 * them for Mesma under its contract; an erasure deletes the attendee with everything of theirs.
 */
@Entity
@DataSubject("contact")
@Processing(purpose = "events", basis = LawfulBasis.Kind.CONTRACT)
public class Attendee {

  @Id @GeneratedValue public @Nullable Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String fullName;

  @PersonalData(category = "professional.company", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String organisation;

  protected Attendee() {}

  /** An attendee of {@code organisation}. */
  public Attendee(String email, String fullName, String organisation) {
    this.email = email;
    this.fullName = fullName;
    this.organisation = organisation;
  }
}
