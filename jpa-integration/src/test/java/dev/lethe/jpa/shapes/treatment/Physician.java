package dev.lethe.jpa.shapes.treatment;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The other subject type of a treatment. */
@Entity
@DataSubject("physician")
@Processing(purpose = "staffing", basis = LawfulBasis.Kind.CONTRACT)
public class Physician {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Physician() {}

  public Physician(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
