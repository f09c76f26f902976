package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;

/** A JOINED subclass whose rows are deleted on erasure, from both tables. */
@Entity
public class Letter extends Document {
  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public String body;

  protected Letter() {}

  public Letter(Long id, Owner owner, String title, String body) {
    super(id, owner, title);
    this.body = body;
  }
}
