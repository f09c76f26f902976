package dev.lethe.jpa.shapes.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Item 13, handled: no personal data, held by an author's unidirectional {@code @OneToMany}. */
@Entity
public class Bookmark {
  @Id public Long id;

  public String url = "";

  protected Bookmark() {
    this.id = 0L;
  }

  public Bookmark(Long id, String url) {
    this.id = id;
    this.url = url;
  }
}
