package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/** Item 16: placeholders and nulls that fail the entity's own Bean Validation constraints. */
@Entity
public class Phone {
  @Id public Long id;

  @ManyToOne public @Nullable Member member;

  /** "[erased]" is no ten-digit number: the application could not save the row afterwards. */
  @Pattern(regexp = "\\d{10}")
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.REPLACE)
  public @Nullable String telephone;

  /** Null under @NotNull. */
  @NotNull
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String owner;

  /** Null under @NotBlank, which adds no NOT NULL to the column: only Bean Validation refuses it. */
  @NotBlank
  @PersonalData(category = "identity.alias", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String alias;

  /** A placeholder that satisfies the constraint: accepted. */
  @Pattern(regexp = "\\d{10}")
  @PersonalData(
      category = "contact.fax",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "0000000000")
  public @Nullable String fax;

  /** The default e-mail placeholder is an e-mail: accepted. */
  @Email
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public @Nullable String email;

  protected Phone() {
    this.id = 0L;
  }
}
