package dev.lethe.jpa.shapes.hiddenchildren;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.SQLRestriction;

/** An entry some of whose rows the restriction hides. */
@Entity
@SQLRestriction("archived = false")
public class DiaryEntry {
  @Id public Long id;

  public boolean archived;

  @PersonalData(category = "personal.diary")
  public String text;

  protected DiaryEntry() {}
}
