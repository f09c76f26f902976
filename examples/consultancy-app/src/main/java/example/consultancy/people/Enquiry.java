package example.consultancy.people;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request for information about Mesma's products or services, by phone, e-mail, web form or in person. */
@Entity
@Processing(
    purpose = "enquiries",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Answering the enquirer's request for information about our products and services",
    assessment = "LIA-2021-02 (legitimate interests assessment, enquiries)",
    recipients = {"crm", "email-host"})
public class Enquiry {

  @Id @GeneratedValue public @Nullable Long id;

  @ManyToOne(optional = false)
  public @Nullable Contact contact;

  @PersonalData(category = "communication.content")
  public @Nullable String message;

  public @Nullable Instant receivedAt;

  protected Enquiry() {}

  /** An enquiry received now. */
  public Enquiry(Contact contact, String message, Instant receivedAt) {
    this.contact = contact;
    this.message = message;
    this.receivedAt = receivedAt;
  }
}
