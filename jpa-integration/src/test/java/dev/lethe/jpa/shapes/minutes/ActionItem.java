package dev.lethe.jpa.shapes.minutes;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** An item of the minutes: shared by their attendees two hops away, erased in place with the last of them. */
@Entity
public class ActionItem {
  @Id public Long id;

  @ManyToOne public @Nullable Minutes minutes;

  @PersonalData(category = "work.task", erasure = ErasureStrategy.REPLACE)
  public String task;

  protected ActionItem() {}

  public ActionItem(Long id, Minutes minutes, String task) {
    this.id = id;
    this.minutes = minutes;
    this.task = task;
  }
}
