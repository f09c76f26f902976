package dev.lethe.jpa.shapes.minutes;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.List;

/** Minutes of a meeting: every attendee's data, deleted when the last of them is erased. */
@Entity
@PersonalData(category = "work.minutes", erasure = ErasureStrategy.DELETE_ROW)
public class Minutes {
  @Id public Long id;

  @ManyToMany public List<Attendee> attendees;

  public String text;

  protected Minutes() {}

  public Minutes(Long id, String text, List<Attendee> attendees) {
    this.id = id;
    this.text = text;
    this.attendees = attendees;
  }
}
