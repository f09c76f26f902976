package dev.lethe.jpa.shapes.treatment;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One subject type of a treatment. */
@Entity
@DataSubject("patient")
@Processing(purpose = "care", basis = LawfulBasis.Kind.CONTRACT)
public class Patient {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Patient() {}

  public Patient(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
