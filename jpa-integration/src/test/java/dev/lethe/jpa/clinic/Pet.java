package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;

/** The root of a SINGLE_TABLE hierarchy; a concrete class with a subclass, so queries restrict to the exact type. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public class Pet {
  @Id public Long id;

  @ManyToOne public Owner owner;

  @PersonalData(
      category = "preferences.pet",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "pet")
  public String petName;

  protected Pet() {}

  public Pet(Long id, Owner owner, String petName) {
    this.id = id;
    this.owner = owner;
    this.petName = petName;
  }
}
