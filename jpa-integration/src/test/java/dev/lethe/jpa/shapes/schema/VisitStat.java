package dev.lethe.jpa.shapes.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Item 13 for retention, refused: no personal data, a NOT NULL key to a visit that retention deletes. */
@Entity
public class VisitStat {
  @Id public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(nullable = false)
  public Visit visit;

  protected VisitStat() {
    this.id = 0L;
    this.visit = new Visit();
  }
}
