package dev.lethe.jpa.shapes.subclassroot;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import org.jspecify.annotations.Nullable;

/** A subclass of the root in the root's table. */
@Entity
public class VipGuest extends Guest {
  @PersonalData(category = "preferences.lounge")
  public @Nullable String lounge;

  protected VipGuest() {}

  public VipGuest(Long id, String name, String lounge) {
    super(id, name);
    this.lounge = lounge;
  }
}
