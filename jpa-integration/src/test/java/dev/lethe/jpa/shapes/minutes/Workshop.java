package dev.lethe.jpa.shapes.minutes;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A workshop that attendees list without it knowing them: reached back through their join table. */
@Entity
public class Workshop {
  @Id public Long id;

  @PersonalData(category = "work.summary", erasure = ErasureStrategy.NULLIFY)
  public String summary;

  protected Workshop() {}

  public Workshop(Long id, String summary) {
    this.id = id;
    this.summary = summary;
  }
}
