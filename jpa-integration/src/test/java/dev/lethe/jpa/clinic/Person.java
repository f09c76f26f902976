package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotBlank;

/** A mapped superclass: its personal data counts in each subject root that extends it. */
@MappedSuperclass
public abstract class Person {
  @NotBlank
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;
}
