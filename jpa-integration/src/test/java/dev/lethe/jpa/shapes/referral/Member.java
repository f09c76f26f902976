package dev.lethe.jpa.shapes.referral;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The root, referred to twice by each referral. */
@Entity
@DataSubject("member")
public class Member {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Member() {}

  public Member(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
