package dev.lethe.bench.fanout;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectIdentity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * The coordinator's contact in table {@code crm_contact}: its entities differ only in the services
 * they disclose it to (Art. 13(1)(e)), to which an erasure is passed on (Art. 17(2), 19).
 */
@MappedSuperclass
public abstract class ContactFields {

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
  protected ContactFields() {
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
