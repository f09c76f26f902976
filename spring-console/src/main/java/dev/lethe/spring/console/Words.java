package dev.lethe.spring.console;

import dev.lethe.request.RequestStatus;
import dev.lethe.rights.DataSubjectRights;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the console says things to a person rather than a program (Art. 12(1): clear and plain
 * language): enums in words, instants in the configured zone to the minute, dates as dates, and
 * pseudonymous subjects shortened so that they do not push the actions off the page.
 */
final class Words {

  /** Enough of a pseudonym to tell two apart on one page; the whole one is in the title. */
  private static final int PSEUDONYM_SHOWN = 4;

  private final ZoneId zone;
  private final DateTimeFormatter instants;
  private final DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  Words(ZoneId zone) {
    this.zone = zone;
    this.instants = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zone);
  }

  ZoneId zone() {
    return zone;
  }

  /** {@code CONSENT_WITHDRAWN} reads "Consent withdrawn". */
  static String of(Enum<?> value) {
    String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** {@code outboxIdentitiesCleared} or {@code rows_touched} reads "Outbox identities cleared", "Rows touched". */
  static String ofName(String name) {
    String words =
        name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
            .replace('_', ' ')
            .replace('-', ' ')
            .toLowerCase(Locale.ROOT)
            .strip();
    return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Where a request stands, in the words of the person answering it. */
  static String status(RequestStatus status) {
    return switch (status) {
      case SUBMITTED -> "Received";
      case VERIFIED -> "Identity verified";
      case FULFILLED -> "Done; the subject is still to be told";
      case COMPLETED -> "Completed";
      case REJECTED -> "Rejected";
      case CANCELLED -> "Cancelled";
    };
  }

  /** A period in words: {@code P1Y6M} reads "1 year, 6 months". */
  static String period(Period period) {
    List<String> parts = new ArrayList<>();
    add(parts, period.getYears(), "year");
    add(parts, period.getMonths(), "month");
    add(parts, period.getDays(), "day");
    return parts.isEmpty() ? "no time" : String.join(", ", parts);
  }

  private static void add(List<String> parts, int amount, String unit) {
    if (amount != 0) {
      parts.add(amount + " " + unit + (Math.abs(amount) == 1 ? "" : "s"));
    }
  }

  /** An instant in the configured zone, to the minute: "30 Nov 2026, 15:32". */
  String instant(Instant instant) {
    return instants.format(instant);
  }

  /** A date: "30 Nov 2026". */
  String date(LocalDate date) {
    return dates.format(date);
  }

  /** An identity value as shown: an erased subject's pseudonym shortened to {@code erased:ab12…}. */
  static String subject(String value) {
    String prefix = DataSubjectRights.ERASED_IDENTITY_PREFIX;
    return value.startsWith(prefix) && value.length() > prefix.length() + PSEUDONYM_SHOWN
        ? value.substring(0, prefix.length() + PSEUDONYM_SHOWN) + "…"
        : value;
  }
}
