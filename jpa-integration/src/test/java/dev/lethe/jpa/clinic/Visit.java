package dev.lethe.jpa.clinic;

import dev.lethe.annotation.PersonalData;
import dev.lethe.law.DataOrigin;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/** Two hops from its owner: Visit → Pet → Owner. */
@Entity
public class Visit {
  @Id public Long id;

  @ManyToOne public Pet pet;

  public LocalDate day;

  @PersonalData(category = "health.treatment", origin = DataOrigin.OBSERVED)
  public String notes;

  protected Visit() {}

  public Visit(Long id, Pet pet, LocalDate day, String notes) {
    this.id = id;
    this.pet = pet;
    this.day = day;
    this.notes = notes;
  }
}
