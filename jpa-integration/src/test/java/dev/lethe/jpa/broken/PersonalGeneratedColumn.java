package dev.lethe.jpa.broken;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.GeneratedColumn;

/**
 * Personal data in a column the database generates ({@code generated always as}), which an erasure
 * would write in place. Kept or deleted with its row it would be accepted.
 */
@Entity
public class PersonalGeneratedColumn {
  @Id public Long id;

  @ManyToOne public Root member;

  @PersonalData(category = "identity.name")
  public String nickname;

  @GeneratedColumn("upper(nickname)")
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String shouted;
}
