package dev.lethe.jpa.broken;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Formula;

/**
 * Personal data in formulas that an erasure would write in place: declared on the attribute, and
 * taken from the class's NULLIFY. A formula kept or deleted with its row would be accepted.
 */
@Entity
@PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
public class PersonalFormula {
  @Id public Long id;

  @ManyToOne public Root member;

  public String nickname;

  @Formula("upper(nickname)")
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String shouted;

  @Formula("lower(nickname)")
  public String whispered;
}
