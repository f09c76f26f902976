package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Item 13, refused: a member's comments are deleted, but {@link Flag} rows refer to them with a NOT NULL key. */
@Entity
public class Comment {
  @Id public Long id;

  @ManyToOne public @Nullable Member member;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String text;

  protected Comment() {
    this.id = 0L;
  }
}
