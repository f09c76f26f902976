package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;

/** A SINGLE_TABLE subclass adding a hashed attribute. */
@Entity
public class Dog extends Pet {
  @PersonalData(category = "identity.chip", erasure = ErasureStrategy.HASH)
  public String chip;

  protected Dog() {}

  public Dog(Long id, Owner owner, String petName, String chip) {
    super(id, owner, petName);
    this.chip = chip;
  }
}
