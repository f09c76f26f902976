package dev.lethe.bench.clinic;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.Encrypted;
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

/**
 * The subject root: its e-mail (looked up by a blind index) and name are encrypted with its own
 * key when a store with subject keys runs on the factory, and plain columns otherwise.
 */
@Entity
@Table(name = "patient")
@DataSubject("patient")
@Processing(purpose = "care", basis = LawfulBasis.Kind.CONTRACT)
public class Patient {
  /** The key, assigned: the subject's key is made before the insert. */
  @Id public Long id;

  /** The identity a request names the patient by. */
  @SubjectIdentity("email")
  @PersonalData(
      category = "contact.email",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "erased@example.invalid")
  @Encrypted(blindIndex = "emailIndex")
  @Column(length = 255)
  public @Nullable String email;

  /** The keyed blind index of the e-mail. */
  @Column(length = 64)
  public @Nullable String emailIndex;

  /** The patient's name. */
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  @Encrypted
  @Column(length = 255)
  public @Nullable String name;

  /** For JPA. */
  protected Patient() {
    this.id = 0L;
  }

  /** A new patient. */
  public Patient(long id, String email, String name) {
    this.id = id;
    this.email = email;
    this.name = name;
  }
}
