package dev.lethe.bench.fanout;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's contact, whose data it discloses to three services that run Lethe (Art. 13(1)(e)):
 * an erasure is passed on to each of them (Art. 17(2), 19).
 */
@Entity
@Table(name = "crm_contact")
@DataSubject("customer")
@Processing(
    purpose = "sales",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"billing", "shipping", "support"})
public class CrmContact {

  /** The key. */
  @Id public Long id;

  /** The identity a request names the contact by, as the participants do. */
  @SubjectIdentity("email")
  @PersonalData(
      category = "contact.email",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "erased@example.invalid")
  public @Nullable String email;

  /** The contact's name. */
  @PersonalData(
      category = "identity.name",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "erased")
  public @Nullable String name;

  /** For JPA. */
  protected CrmContact() {
    this.id = 0L;
  }

  /** Sets the e-mail address; through a setter, so that it works on a Hibernate proxy too. */
  public void setEmail(@Nullable String value) {
    this.email = value;
  }

  /** Sets the name; through a setter, so that it works on a Hibernate proxy too. */
  public void setName(@Nullable String value) {
    this.name = value;
  }
}
