package dev.lethe.jpa.shapes.minutes;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The subject: kept after erasure with its name replaced, so that only its links tell it apart. */
@Entity
@DataSubject("attendee")
@Processing(purpose = "meetings", basis = LawfulBasis.Kind.CONTRACT)
public class Attendee {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @ManyToMany public List<Workshop> workshops = new ArrayList<>();

  @ManyToOne public @Nullable Household household;

  protected Attendee() {}

  public Attendee(Long id, String name, @Nullable Household household) {
    this.id = id;
    this.name = name;
    this.household = household;
  }
}
