package dev.lethe.jpa.shapes.fields;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.PersonalDataOverride;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A subject root (a sole trader) whose inherited telephone is personal data while its display name,
 * a trading name, is not: the override declares it here, leaving {@link Party} and {@link Customer} alone.
 */
@Entity
@DataSubject("supplier")
@PersonalDataOverride(
    attribute = "telephone",
    data =
        @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK, maskKeepLast = 2))
public class Supplier extends Party {
  @Id public Long id;

  protected Supplier() {}

  public Supplier(Long id, String displayName, String telephone) {
    this.id = id;
    this.displayName = displayName;
    this.telephone = telephone;
  }
}
