package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Item 13 for retention, refused: visits are deleted after 90 days, but {@link VisitStat} rows refer to them with a NOT NULL key. */
@Entity
@Retention(
    period = "P90D",
    clock = "at",
    action = RetentionAction.DELETE,
    reason = "Visits serve security for 90 days")
public class Visit {
  @Id public Long id;

  @ManyToOne public @Nullable Member member;

  @PersonalData(category = "online.ip-address")
  public @Nullable String address;

  public @Nullable Instant at;

  protected Visit() {
    this.id = 0L;
  }
}
