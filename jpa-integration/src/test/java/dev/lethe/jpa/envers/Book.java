package dev.lethe.jpa.envers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A book: no personal data, not audited; loans refer to it. */
@Entity
public class Book {
  @Id public Long id;

  public String title;

  protected Book() {}

  public Book(Long id, String title) {
    this.id = id;
    this.title = title;
  }
}
