package dev.lethe.jpa.shapes.fields;

import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/** A mapped superclass shared by customers and suppliers, without any Lethe annotation of its own. */
@MappedSuperclass
public abstract class Party {
  public @Nullable String displayName;

  public @Nullable String telephone;
}
