package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** The vet's data: a hashed licence number. */
@Entity
public class VetLicense {
  @Id public Long id;

  @ManyToOne public Vet vet;

  @PersonalData(category = "identity.licence", erasure = ErasureStrategy.HASH)
  public String licenseNumber;

  protected VetLicense() {}

  public VetLicense(Long id, Vet vet, String licenseNumber) {
    this.id = id;
    this.vet = vet;
    this.licenseNumber = licenseNumber;
  }
}
