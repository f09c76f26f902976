package dev.lethe.jpa.copies;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The subject: three personal columns, which a copy elsewhere would repeat. */
@Entity
@Table(name = "subscriber")
@DataSubject("subscriber")
@Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT)
public class Subscriber {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  @Column(name = "email")
  public String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  @Column(name = "full_name")
  public @Nullable String fullName;

  @PersonalData(category = "contact.address", erasure = ErasureStrategy.NULLIFY)
  @Column(name = "city")
  public @Nullable String city;

  /** Not personal data: a column a copy may share by name without being one. */
  @Column(name = "plan")
  public @Nullable String plan;

  protected Subscriber() {}

  public Subscriber(Long id, String email, String fullName, String city) {
    this.id = id;
    this.email = email;
    this.fullName = fullName;
    this.city = city;
  }
}
