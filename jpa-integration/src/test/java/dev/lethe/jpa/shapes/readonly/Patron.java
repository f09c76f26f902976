package dev.lethe.jpa.shapes.readonly;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The root: a library's patron. */
@Entity
@DataSubject("patron")
public class Patron {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Patron() {}

  public Patron(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
