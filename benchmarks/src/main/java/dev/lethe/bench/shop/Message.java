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

/** A message the customer wrote; deleted on erasure. */
@Entity
@Table(name = "message", indexes = @Index(columnList = "customer_id"))
public class Message {
  /** The key. */
  @Id public Long id;

  /** The owning association; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable Customer customer;

  /** The personal data. */
  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String body;

  /** For JPA. */
  protected Message() {
    this.id = 0L;
  }
}
