package dev.lethe.jpa.encrypted;

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
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A patient whose e-mail (found by its blind index) and diagnosis are stored encrypted with the patient's key. */
@Entity
@DataSubject("patient")
@Processing(purpose = "care", basis = LawfulBasis.Kind.CONTRACT)
public class Patient {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  @Encrypted(blindIndex = "emailIndex")
  @Size(max = 64)
  @Column(columnDefinition = "varchar(400)")
  public @Nullable String email;

  @Column(length = 64)
  public @Nullable String emailIndex;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  @Encrypted
  @Size(max = 64)
  @Column(columnDefinition = "varchar(400)")
  public @Nullable String diagnosis;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String nickname;

  protected Patient() {}

  public Patient(Long id, String email, String diagnosis, String nickname) {
    this.id = id;
    this.email = email;
    this.diagnosis = diagnosis;
    this.nickname = nickname;
  }
}
