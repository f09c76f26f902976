package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Item 11: rules whose results collide inside a unique column or an element set. */
@Entity
public class Badge {
  @Id public Long id;

  @ManyToOne public @Nullable Member member;

  /** A constant placeholder in a unique column: the second member's erasure would hit a duplicate key. */
  @Column(unique = true)
  @PersonalData(category = "online.handle", erasure = ErasureStrategy.REPLACE)
  public @Nullable String handle;

  /** Masks of two distinct codes can be equal. */
  @Column(unique = true)
  @PersonalData(category = "online.identifier", erasure = ErasureStrategy.MASK, maskKeepFirst = 1)
  public @Nullable String code;

  /** One placeholder for every element of a Set: two elements of one badge would collide. */
  @ElementCollection
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public Set<String> nicknames = new LinkedHashSet<>();

  /** Masked elements of a Set can collide too. */
  @ElementCollection
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK, maskKeepLast = 2)
  public Set<String> phones = new LinkedHashSet<>();

  /** A keyed hash keeps distinct values distinct: accepted on a unique column. */
  @Column(unique = true)
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  public @Nullable String email;

  protected Badge() {
    this.id = 0L;
  }
}
