package dev.lethe.jpa.shapes.subclassroot;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectIdentity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import org.jspecify.annotations.Nullable;

/** A root with a JOINED subclass: premium members are members of the same subject type. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@DataSubject("member")
public class Member {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  public @Nullable String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Member() {}

  public Member(Long id, String email, String name) {
    this.id = id;
    this.email = email;
    this.name = name;
  }
}
