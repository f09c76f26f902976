package dev.lethe.bench.shop;

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

/** The subject root; its row stays, its personal data is replaced, since orders refer to it. */
@Entity
@Table(name = "customer")
@DataSubject("customer")
@Processing(purpose = "sales", basis = LawfulBasis.Kind.CONTRACT)
public class Customer {
  /** The placeholder of an erased name. */
  public static final String ERASED_NAME = "erased";

  /** The placeholder of an erased e-mail address. */
  public static final String ERASED_EMAIL = "erased@example.invalid";

  /** The key. */
  @Id public Long id;

  /** The customer's name. */
  @PersonalData(
      category = "identity.name",
      erasure = ErasureStrategy.REPLACE,
      placeholder = ERASED_NAME)
  public @Nullable String name;

  /** The identity a request names the customer by. */
  @SubjectIdentity("email")
  @PersonalData(
      category = "contact.email",
      erasure = ErasureStrategy.REPLACE,
      placeholder = ERASED_EMAIL)
  public @Nullable String email;

  /** For JPA. */
  protected Customer() {
    this.id = 0L;
  }

  /** Sets the name; through a setter, so that it works on a Hibernate proxy too. */
  public void setName(@Nullable String value) {
    this.name = value;
  }

  /** Sets the e-mail address; through a setter, so that it works on a Hibernate proxy too. */
  public void setEmail(@Nullable String value) {
    this.email = value;
  }
}
