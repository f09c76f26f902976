package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.SoftDelete;

/**
 * Soft-deleted and erased in place by NULLIFY and REPLACE only: one native update of its one
 * table, hidden rows included, with no read first.
 */
@Entity
@SoftDelete
public class Complaint {
  @Id public Long id;

  @ManyToOne public Owner complainant;

  @PersonalData(category = "communication.content")
  public String details;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String signedBy;

  protected Complaint() {}

  public Complaint(Long id, Owner complainant, String details, String signedBy) {
    this.id = id;
    this.complainant = complainant;
    this.details = details;
    this.signedBy = signedBy;
  }
}
