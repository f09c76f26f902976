package dev.lethe.bench.clinic;

import dev.lethe.annotation.Encrypted;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A clinical note, encrypted with the key of the patient it reaches through a to-one association. */
@Entity
@Table(name = "note", indexes = @Index(columnList = "patient_id"))
public class Note {
  /** The key. */
  @Id public Long id;

  /** The patient; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable Patient patient;

  /** The note's text. */
  @PersonalData(category = "communication.content", erasure = ErasureStrategy.NULLIFY)
  @Encrypted
  @Column(length = 1000)
  public @Nullable String text;

  /** For JPA. */
  protected Note() {
    this.id = 0L;
  }

  /** A new note on {@code patient}. */
  public Note(long id, Patient patient, String text) {
    this.id = id;
    this.patient = patient;
    this.text = text;
  }
}
