package dev.lethe.jpa.shapes.unowned;

import dev.lethe.annotation.PersonalData;
import dev.lethe.jpa.shapes.treatment.Patient;
import dev.lethe.jpa.shapes.treatment.Physician;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Reaches a patient and a physician; one field names no owner, another a route it does not have. */
@Entity
public class Consultation {
  @Id public Long id;

  @ManyToOne public Patient patient;

  @ManyToOne public Physician physician;

  @PersonalData(category = "communication.content")
  public @Nullable String notes;

  @PersonalData(category = "communication.content", of = "nurse")
  public @Nullable String nurseNotes;

  protected Consultation() {}
}
