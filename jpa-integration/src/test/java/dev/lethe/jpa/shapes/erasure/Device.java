package dev.lethe.jpa.shapes.erasure;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** A patron's device, known by a fingerprint that is itself a SHA-256 hex digest of something personal. */
@Entity
public class Device {
  @Id public Long id;

  @ManyToOne public Patron patron;

  @PersonalData(category = "online.device-identifier", erasure = ErasureStrategy.HASH)
  public @Nullable String fingerprint;

  protected Device() {}

  public Device(Long id, Patron patron, String fingerprint) {
    this.id = id;
    this.patron = patron;
    this.fingerprint = fingerprint;
  }
}
