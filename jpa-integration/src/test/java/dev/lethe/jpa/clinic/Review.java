package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.SoftDelete;

/** Soft-deleted rows are hidden from JPQL, but hold personal data all the same: erased in place natively. */
@Entity
@SoftDelete
public class Review {
  @Id public Long id;

  @ManyToOne public Owner author;

  @PersonalData(
      category = "communication.content",
      erasure = ErasureStrategy.MASK,
      maskKeepFirst = 3)
  public String comment;

  protected Review() {}

  public Review(Long id, Owner author, String comment) {
    this.id = id;
    this.author = author;
    this.comment = comment;
  }
}
