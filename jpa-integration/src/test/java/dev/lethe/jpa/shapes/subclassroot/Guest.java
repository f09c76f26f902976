package dev.lethe.jpa.shapes.subclassroot;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** A root with a SINGLE_TABLE subclass. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DataSubject("guest")
public class Guest {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Guest() {}

  public Guest(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
