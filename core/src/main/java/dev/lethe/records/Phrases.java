package dev.lethe.records;

import dev.lethe.annotation.RetentionAction;
import dev.lethe.law.LawfulBasis;
import dev.lethe.model.Labels;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the records word the model's facts, so that every format says the same thing. */
final class Phrases {

  private Phrases() {}

  /** {@code Legitimate interests (Art. 6(1)(f))}. */
  public static String basisTitle(LawfulBasis basis) {
    return basis.kind().title() + " (" + basis.kind().article() + ")";
  }

  /** What a basis rests on: the law, or the interest and where its balancing test is recorded; empty otherwise. */
  public static Optional<String> basisDetail(LawfulBasis basis) {
    // Java 17 has no pattern matching for switch; the sealed hierarchy keeps this list complete.
    if (basis instanceof LawfulBasis.LegalObligation obligation) {
      return Optional.of("law: " + obligation.law());
    }
    if (basis instanceof LawfulBasis.PublicTask task) {
      return Optional.of("law: " + task.law());
    }
    if (basis instanceof LawfulBasis.LegitimateInterests interests) {
      return Optional.of(
          "interest: " + interests.interest() + "; balancing test: " + interests.assessmentRef());
    }
    return Optional.empty();
  }

  /** The basis with its detail: {@code Legitimate interests (Art. 6(1)(f)); interest: ...}. */
  public static String basis(LawfulBasis basis) {
    return basisTitle(basis) + basisDetail(basis).map(detail -> "; " + detail).orElse("");
  }

  /** {@code HubSpot: Customer relationship management (processor, US, contract DPA-7 of 2021-07-01)}. */
  public static String recipient(Recipient recipient) {
    return recipient.name()
        + ": "
        + recipient.description()
        + " ("
        + recipient.role().label()
        + ", "
        + recipient.country()
        + recipient
            .contract()
            .map(contract -> ", contract " + contract.reference() + " of " + contract.concludedOn())
            .orElse("")
        + ")";
  }

  /** {@code HubSpot, US: Standard contractual clauses (Art. 46(2)(c)); reference}. */
  public static String transfer(Transfer transfer) {
    return transfer.recipient()
        + ", "
        + transfer.country()
        + ": "
        + transfer.safeguard().title()
        + " ("
        + transfer.safeguard().article()
        + "); "
        + transfer.reference();
  }

  /**
   * {@code 12 months after endedOn, then deleted}, with the names in code: the notice's version is
   * computed from it, and must not change with the wording.
   */
  public static String timeLimit(RetentionRule rule) {
    return period(rule.period())
        + " after "
        + rule.clock()
        + ", then "
        + (rule.action() == RetentionAction.DELETE ? "deleted" : "anonymised");
  }

  /** {@code 12 months after ended on, then deleted}, in words for people (Art. 12(1)). */
  public static String keptFor(RetentionRule rule) {
    return period(rule.period())
        + " after "
        + inSentence(Labels.fromName(rule.clock()))
        + ", then "
        + (rule.action() == RetentionAction.DELETE ? "deleted" : "anonymised");
  }

  /** {@code Event registration: 12 months after ended on, then deleted. Reason: ...}, for people. */
  public static String retentionInWords(RetentionRule rule) {
    return Labels.fromName(rule.entity()) + ": " + keptFor(rule) + ". Reason: " + rule.reason();
  }

  /** A label within a sentence: "Ended on" reads "ended on", an acronym such as "IP address" stays. */
  private static String inSentence(String label) {
    return label.length() > 1 && Character.isUpperCase(label.charAt(1))
        ? label
        : Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  /** {@code Applicant: 12 months after closedOn, then anonymised. Reason: ...}: the notice's version is computed from it. */
  public static String retention(RetentionRule rule) {
    return rule.entity() + ": " + timeLimit(rule) + ". Reason: " + rule.reason();
  }

  /** A period in words, as declared: {@code 12 months}, {@code 1 year and 6 months}, {@code 28 days}. */
  public static String period(Period period) {
    List<String> parts = new ArrayList<>();
    addUnit(parts, period.getYears(), "year");
    addUnit(parts, period.getMonths(), "month");
    addUnit(parts, period.getDays(), "day");
    if (parts.isEmpty()) {
      return "no time";
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /** {@code Yes} or {@code No}. */
  public static String yesNo(boolean value) {
    return value ? "Yes" : "No";
  }

  /** The items joined by {@code "; "}, or {@code none} when there are none. */
  public static String listOrNone(List<String> items, String none) {
    return items.isEmpty() ? none : String.join("; ", items);
  }

  private static void addUnit(List<String> parts, int amount, String unit) {
    if (amount != 0) {
      parts.add(amount + " " + unit + (Math.abs(amount) == 1 ? "" : "s"));
    }
  }
}
