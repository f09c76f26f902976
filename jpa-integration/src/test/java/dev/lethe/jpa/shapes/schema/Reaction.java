package dev.lethe.jpa.shapes.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Item 13, handled: no personal data, a nullable key to a post that erasure deletes; it stays, detached. */
@Entity
public class Reaction {
  @Id public Long id;

  @ManyToOne public @Nullable Post post;

  public String kind = "";

  protected Reaction() {
    this.id = 0L;
  }

  public Reaction(Long id, Post post, String kind) {
    this.id = id;
    this.post = post;
    this.kind = kind;
  }
}
