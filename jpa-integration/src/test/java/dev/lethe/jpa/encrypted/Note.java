package dev.lethe.jpa.encrypted;

import dev.lethe.annotation.Encrypted;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A clinical note, encrypted with the key of the patient it reaches through a to-one association. */
@Entity
public class Note {
  @Id public Long id;

  @ManyToOne(optional = false)
  public Patient patient;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.NULLIFY)
  @Encrypted
  @Size(max = 200)
  @Column(columnDefinition = "varchar(1000)")
  public @Nullable String text;

  protected Note() {}

  public Note(Long id, Patient patient, String text) {
    this.id = id;
    this.patient = patient;
    this.text = text;
  }
}
