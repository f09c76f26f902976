package dev.lethe.jpa.shapes.treatment;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * A shared row whose class-level DELETE_ROW names its owner, the patient: erasing the patient
 * deletes it, erasing the physician only erases the physician's signature.
 */
@Entity
@PersonalData(
    category = "health.prescription",
    erasure = ErasureStrategy.DELETE_ROW,
    of = "patient")
public class Prescription {
  @Id public Long id;

  @ManyToOne public Patient patient;

  @ManyToOne public Physician physician;

  public String drug;

  @PersonalData(category = "identity.signature", of = "physician")
  public @Nullable String signature;

  protected Prescription() {}

  public Prescription(
      Long id, Patient patient, Physician physician, String drug, String signature) {
    this.id = id;
    this.patient = patient;
    this.physician = physician;
    this.drug = drug;
    this.signature = signature;
  }
}
