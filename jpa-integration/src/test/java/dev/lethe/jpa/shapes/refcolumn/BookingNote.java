package dev.lethe.jpa.shapes.refcolumn;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Two hops from its member, the last one joined by the membership number; deleted on erasure. */
@Entity
public class BookingNote {
  @Id public Long id;

  @ManyToOne public Booking booking;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public String text;

  protected BookingNote() {}

  public BookingNote(Long id, Booking booking, String text) {
    this.id = id;
    this.booking = booking;
    this.text = text;
  }
}
