package dev.lethe.jpa.shapes.onetomany;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A child its customer lists through a join table; deleted on erasure, join rows first. */
@Entity
public class Note {
  @Id public Long id;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public String text;

  protected Note() {}

  public Note(Long id, String text) {
    this.id = id;
    this.text = text;
  }
}
