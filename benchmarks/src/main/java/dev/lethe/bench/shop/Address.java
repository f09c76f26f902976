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

/** A postal address; deleted on erasure. */
@Entity
@Table(name = "address", indexes = @Index(columnList = "customer_id"))
public class Address {
  /** The key. */
  @Id public Long id;

  /** The owning association; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable Customer customer;

  /** The personal data. */
  @PersonalData(category = "contact.address", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String street;

  /** For JPA. */
  protected Address() {
    this.id = 0L;
  }

  /** A new address of {@code customer}. */
  public Address(long id, Customer customer, String street) {
    this.id = id;
    this.customer = customer;
    this.street = street;
  }
}
