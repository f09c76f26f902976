package dev.lethe.bench.shop;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A phone number; deleted on erasure. */
@Entity
@Table(name = "phone", indexes = @Index(columnList = "customer_id"))
public class Phone {
  /** The key. */
  @Id public Long id;

  /** The owning association; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable Customer customer;

  /** The personal data. */
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String digits;

  /** For JPA. */
  protected Phone() {
    this.id = 0L;
  }
}
