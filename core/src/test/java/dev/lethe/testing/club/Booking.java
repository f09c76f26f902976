package dev.lethe.testing.club;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;

/** A court booking: reaches its member, and discloses to a venue as well. */
@Processing(purpose = "membership", basis = LawfulBasis.Kind.CONTRACT, recipients = "venue")
public class Booking {
  Member member;

  @PersonalData(category = "communication.content")
  String note;
}
