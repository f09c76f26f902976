package dev.lethe.jpa.encrypted;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.Encrypted;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Encrypted columns sized for the clear value, not the ciphertext, beside one sized right. */
@Entity
@DataSubject("member")
@Processing(purpose = "care", basis = LawfulBasis.Kind.CONTRACT)
public class Narrow {
  @Id public Long id;

  /** 100 characters may take 300 UTF-8 bytes, whose ciphertext takes 495 characters; Hibernate makes the column 100 wide. */
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  @Encrypted
  @Size(max = 100)
  public @Nullable String name;

  /** No @Size: no maximum is known, but even an empty value's ciphertext takes 95 characters. */
  @PersonalData(category = "contact.postal-address", erasure = ErasureStrategy.DELETE_ROW)
  @Encrypted
  @Column(length = 80)
  public @Nullable String street;

  /** 20 characters need at most 175: fits. */
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.NULLIFY)
  @Encrypted
  @Size(max = 20)
  @Column(columnDefinition = "varchar(175)")
  public @Nullable String phone;
}
