package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/** A valid subject root, so that only the rules under test are reported. */
@Entity
@DataSubject("member")
public class Member {
  @Id public Long id;

  @PersonalData(category = "identity.name")
  public @Nullable String name;

  protected Member() {
    this.id = 0L;
  }

  public Member(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
