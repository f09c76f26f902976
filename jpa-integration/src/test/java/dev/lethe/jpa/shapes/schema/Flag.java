package dev.lethe.jpa.shapes.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Item 13, refused: no personal data, a NOT NULL key to a comment that erasure deletes. */
@Entity
public class Flag {
  @Id public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(nullable = false)
  public Comment comment;

  protected Flag() {
    this.id = 0L;
    this.comment = new Comment();
  }
}
