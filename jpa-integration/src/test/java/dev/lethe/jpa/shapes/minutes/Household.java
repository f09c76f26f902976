package dev.lethe.jpa.shapes.minutes;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.List;
import org.hibernate.annotations.SQLRestriction;

/**
 * A household that lists its current members through the inverse side: the link is a column of
 * each member's row.
 */
@Entity
public class Household {
  @Id public Long id;

  /** The current members: a restriction JPQL applies to joins along it, which routes must not. */
  @OneToMany(mappedBy = "household")
  @SQLRestriction("name not like 'Former%'")
  public List<Attendee> members;

  @PersonalData(category = "contact.address", erasure = ErasureStrategy.REPLACE)
  public String address;

  protected Household() {}

  public Household(Long id, String address) {
    this.id = id;
    this.address = address;
  }
}
