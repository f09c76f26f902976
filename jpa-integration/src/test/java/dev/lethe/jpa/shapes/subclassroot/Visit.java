package dev.lethe.jpa.shapes.subclassroot;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Reaches a member, plain or premium, through the root's type; deleted on erasure. */
@Entity
public class Visit {
  @Id public Long id;

  @ManyToOne public Member member;

  @PersonalData(category = "behaviour.visit", erasure = ErasureStrategy.DELETE_ROW)
  public String purpose;

  protected Visit() {}

  public Visit(Long id, Member member, String purpose) {
    this.id = id;
    this.member = member;
    this.purpose = purpose;
  }
}
