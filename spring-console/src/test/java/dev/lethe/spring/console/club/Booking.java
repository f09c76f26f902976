package dev.lethe.spring.console.club;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectLink;

/** A court booking, linked to its member by e-mail address: a second entity for the data map. */
public class Booking {
  public Long id;

  @SubjectLink(subject = "member", identity = "email")
  public String memberEmail;

  @PersonalData(category = "communication.content")
  public String bookingNote;
}
