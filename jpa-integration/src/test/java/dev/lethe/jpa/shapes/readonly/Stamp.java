package dev.lethe.jpa.shapes.readonly;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Values Hibernate reads back rather than writes ({@code @Generated}): the columns are ordinary
 * columns with a default, so erasure writes them like any other.
 */
@Entity
public class Stamp {
  @Id public Long id;

  @ManyToOne public Patron patron;

  @Generated
  @ColumnDefault("'anonymous'")
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public @Nullable String alias;

  @Generated(event = {EventType.INSERT, EventType.UPDATE})
  @ColumnDefault("'anonymous'")
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String signedBy;

  protected Stamp() {}

  public Stamp(Long id, Patron patron) {
    this.id = id;
    this.patron = patron;
  }
}
