package dev.lethe.jpa.shapes.sharedlink;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A subject kept after erasure, whose row links it to its flat by a NOT NULL column. */
@Entity
@DataSubject("tenant")
@Processing(purpose = "letting", basis = LawfulBasis.Kind.CONTRACT)
public class Tenant {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @ManyToOne(optional = false)
  @JoinColumn(nullable = false)
  public Flat flat;

  protected Tenant() {}
}
