package dev.lethe.jpa.shapes.onetomany;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A child its customer lists by a join column in this table; nothing here points back. Erased in place. */
@Entity
public class Address {
  @Id public Long id;

  @PersonalData(category = "contact.postal-address", erasure = ErasureStrategy.REPLACE)
  public String street;

  protected Address() {}

  public Address(Long id, String street) {
    this.id = id;
    this.street = street;
  }
}
