package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Item 13, handled: an anonymised child of a deleted post; it stays, erased in place and detached. */
@Entity
public class Note {
  @Id public Long id;

  @ManyToOne public @Nullable Post post;

  @PersonalData(category = "communication.content")
  public @Nullable String text;

  protected Note() {
    this.id = 0L;
  }

  public Note(Long id, Post post, String text) {
    this.id = id;
    this.post = post;
    this.text = text;
  }
}
