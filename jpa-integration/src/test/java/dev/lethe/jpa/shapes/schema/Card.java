package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Item 12: values an erasure writes that do not fit their columns. */
@Entity
public class Card {
  @Id public Long id;

  @ManyToOne public @Nullable Member member;

  /** A keyed hash is 64 characters; this column holds 20. */
  @Column(length = 20)
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.HASH)
  public @Nullable String telephone;

  /** The default placeholder "[erased]" is 8 characters; this column holds 5. */
  @Column(length = 5)
  @PersonalData(category = "identity.initials", erasure = ErasureStrategy.REPLACE)
  public @Nullable String initials;

  /** A stated placeholder longer than its column. */
  @Column(length = 4)
  @PersonalData(
      category = "identity.title",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "unknown")
  public @Nullable String title;

  /** NULLIFY into a NOT NULL column. */
  @Column(nullable = false)
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public String nickname = "";

  /** A placeholder that fits (9 characters into 9): accepted. */
  @Column(length = 9)
  @PersonalData(
      category = "identity.alias",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "anonymous")
  public @Nullable String alias;

  protected Card() {
    this.id = 0L;
  }
}
