package dev.lethe.jpa.shapes.onetomany;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import org.jspecify.annotations.Nullable;

/** Reaches its customer only through the inverse side of a one-to-one: the customer holds the foreign key. */
@Entity
public class Profile {
  @Id public Long id;

  @OneToOne(mappedBy = "profile")
  public @Nullable Customer customer;

  @PersonalData(category = "preferences.interests")
  public @Nullable String interests;

  protected Profile() {}

  public Profile(Long id, String interests) {
    this.id = id;
    this.interests = interests;
  }
}
