package dev.lethe.records.seed;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;
import java.time.Instant;

/** A sign-in to the Mesma software: reaches its licensed user through an association. */
@Processing(
    purpose = "Providing the Mesma software",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = "Microsoft Azure")
public class SoftwareSignIn {
  Long id;

  LicensedUser user;

  Instant signedInAt;

  @PersonalData(category = "online.ip-address", origin = DataOrigin.OBSERVED)
  String ipAddress;
}
