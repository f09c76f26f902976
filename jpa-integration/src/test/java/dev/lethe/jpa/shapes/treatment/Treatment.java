package dev.lethe.jpa.shapes.treatment;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.SpecialCategory;
import dev.lethe.law.Article9Condition;
import dev.lethe.law.SensitiveCategory;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** A row shared by a patient and a physician: each field names whose data it is, and is erased only with its owner. */
@Entity
@ProcessedFor(value = "care", of = "patient")
@ProcessedFor(value = "staffing", of = "physician")
public class Treatment {
  @Id public Long id;

  @ManyToOne public Patient patient;

  @ManyToOne public Physician physician;

  @SpecialCategory(
      value = SensitiveCategory.HEALTH,
      condition = Article9Condition.HEALTH_OR_SOCIAL_CARE,
      of = "patient")
  public @Nullable String diagnosis;

  @PersonalData(category = "employment.remark", erasure = ErasureStrategy.REPLACE, of = "physician")
  public @Nullable String physicianRemark;

  protected Treatment() {}

  public Treatment(
      Long id, Patient patient, Physician physician, String diagnosis, String physicianRemark) {
    this.id = id;
    this.patient = patient;
    this.physician = physician;
    this.diagnosis = diagnosis;
    this.physicianRemark = physicianRemark;
  }
}
