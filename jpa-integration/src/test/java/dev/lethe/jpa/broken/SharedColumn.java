package dev.lethe.jpa.broken;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * One column mapped twice, by an attribute and its read-only copy, both erased by setting it: one
 * update would set the column twice. Either attribute alone would be accepted.
 */
@Entity
public class SharedColumn {
  @Id public Long id;

  @ManyToOne public Root member;

  @Column(name = "nickname")
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public String nickname;

  @Column(name = "nickname", insertable = false, updatable = false)
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String nicknameAsRead;
}
