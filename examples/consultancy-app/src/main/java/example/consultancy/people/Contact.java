package example.consultancy.people;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Email;
import org.jspecify.annotations.Nullable;

/**
 * A person Mesma is in touch with: an enquirer, a licensed user, a newsletter subscriber or an event
 * attendee ("Ways we collect personal data"). The statement's business-to-business marketing rests
 * on legitimate interests; the newsletter on consent (see {@link NewsletterSubscription}).
 */
@Entity
@DataSubject("contact")
// The contact details are what the newsletter, enquiries, events and the licence reach the person
// by.
@ProcessedFor({"newsletter", "enquiries", "events", "software-licence", "product-updates"})
@Processing(
    purpose = "b2b-marketing",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest =
        "Promoting our products to people whose company, sector or job role they would interest",
    assessment = "LIA-2021-01 (legitimate interests assessment, marketing)",
    recipients = {"crm", "email-host"},
    label = "B2B marketing")
public class Contact {

  @Id @GeneratedValue public @Nullable Long id;

  @PersonalData(category = "identity.name")
  public @Nullable String fullName;

  // REPLACE keeps the column valid (not null, unique, an e-mail) after erasure.
  @Email
  @SubjectIdentity("email")
  @PersonalData(
      category = "contact.email",
      erasure = ErasureStrategy.REPLACE,
      label = "E-mail address")
  public @Nullable String email;

  @PersonalData(category = "contact.phone")
  public @Nullable String businessPhone;

  @PersonalData(category = "contact.postal-address")
  public @Nullable String postalAddress;

  @PersonalData(category = "professional.job-title")
  public @Nullable String jobTitle;

  @PersonalData(category = "professional.company")
  public @Nullable String companyName;

  protected Contact() {}

  /** A contact with the details the statement lists. */
  public Contact(String fullName, String email, String jobTitle, String companyName) {
    this.fullName = fullName;
    this.email = email;
    this.jobTitle = jobTitle;
    this.companyName = companyName;
  }

  /** Every field, as an IDE generates it: logged as it is, it would put the person in the logs. */
  @Override
  public String toString() {
    return "Contact{id="
        + id
        + ", fullName='"
        + fullName
        + "', email='"
        + email
        + "', businessPhone='"
        + businessPhone
        + "', postalAddress='"
        + postalAddress
        + "', jobTitle='"
        + jobTitle
        + "', companyName='"
        + companyName
        + "'}";
  }
}
