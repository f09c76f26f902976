package dev.lethe.spring.clinic;

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

/** A patient whose name is stored encrypted with the patient's own key. */
@Entity
@DataSubject("patient")
@Processing(purpose = "care", basis = LawfulBasis.Kind.CONTRACT)
public class Patient {
  @Id public Long id;

  @SubjectIdentity("number")
  @PersonalData(
      category = "identity.identifier",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "erased")
  public @Nullable String number;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  @Encrypted
  @Size(max = 64)
  @Column(columnDefinition = "varchar(400)")
  public @Nullable String name;

  protected Patient() {}

  public Patient(Long id, String number, String name) {
    this.id = id;
    this.number = number;
    this.name = name;
  }
}
