package dev.lethe.jpa.hr;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An applicant, deleted twelve months after the recruitment closed: a date-only clock. */
@Entity
@DataSubject("applicant")
@Processing(purpose = "recruitment", basis = LawfulBasis.Kind.CONSENT, recipients = "ats")
@Retention(
    period = "P12M",
    clock = "closedOn",
    action = RetentionAction.DELETE,
    reason = "Unsuccessful applicants are kept 12 months after the recruitment closes")
public class Applicant {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  public @Nullable LocalDate closedOn;

  @ElementCollection
  @PersonalData(category = "employment.record", erasure = ErasureStrategy.NULLIFY)
  public List<String> skills = new ArrayList<>();

  protected Applicant() {}

  public Applicant(Long id, String email, @Nullable LocalDate closedOn, List<String> skills) {
    this.id = id;
    this.email = email;
    this.closedOn = closedOn;
    this.skills = new ArrayList<>(skills);
  }
}
