package example.consultancy.people;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A contact whom their company registered as a user of Mesma Software, on trial or licensed. The
 * service is the contract; product updates to existing customers are a legitimate interest.
 */
@Entity
@Processing(
    purpose = "software-licence",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"cloud-host", "support-chat", "accounting"})
@Processing(
    purpose = "product-updates",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Product upgrades and updates to new or existing customers",
    assessment = "LIA-2021-03 (legitimate interests assessment, product updates)",
    recipients = {"support-chat", "email-host"})
public class LicensedUser {

  @Id @GeneratedValue public @Nullable Long id;

  @ManyToOne(optional = false)
  public @Nullable Contact contact;

  @ManyToOne(optional = false)
  public @Nullable ClientOrganisation organisation;

  // Registered by the client, not by the person: Art. 14 names the source.
  @PersonalData(category = "online.usage", origin = DataOrigin.OBSERVED)
  public @Nullable String platformRole;

  public @Nullable LocalDate registeredOn;

  public boolean trial;

  protected LicensedUser() {}

  /** A user registered by {@code organisation}. */
  public LicensedUser(
      Contact contact,
      ClientOrganisation organisation,
      String platformRole,
      LocalDate registeredOn) {
    this.contact = contact;
    this.organisation = organisation;
    this.platformRole = platformRole;
    this.registeredOn = registeredOn;
  }
}
