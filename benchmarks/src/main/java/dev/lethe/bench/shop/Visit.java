package dev.lethe.bench.shop;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A visit to the shop's site with the visitor's IP address, kept for 90 days: the retention
 * benchmark's entity. Its clock column and key make an index, as Lethe advises at start-up: a
 * sweep's batches run in clock and key order (decision 0045).
 */
@Entity
@Table(
    name = "visit",
    indexes = {@Index(columnList = "customer_id"), @Index(columnList = "visitedAt, id")})
@Retention(
    period = "P90D",
    clock = "visitedAt",
    reason = "Visit logs serve fraud detection for 90 days")
public class Visit {
  /** The key. */
  @Id public Long id;

  /** The visitor; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable Customer customer;

  /** The personal data. */
  @PersonalData(category = "online.usage", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String ip;

  /** When the visit happened: the retention clock. */
  public @Nullable Instant visitedAt;

  /** For JPA. */
  protected Visit() {
    this.id = 0L;
  }
}
