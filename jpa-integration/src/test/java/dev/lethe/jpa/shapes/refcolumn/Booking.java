package dev.lethe.jpa.shapes.refcolumn;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Joined to its member by the membership number, not the member's key. */
@Entity
public class Booking {
  @Id public Long id;

  @ManyToOne
  @JoinColumn(name = "membership_number", referencedColumnName = "membershipNumber")
  public Club member;

  @PersonalData(category = "preferences.booking", erasure = ErasureStrategy.REPLACE)
  public @Nullable String request;

  protected Booking() {}

  public Booking(Long id, Club member, String request) {
    this.id = id;
    this.member = member;
    this.request = request;
  }
}
