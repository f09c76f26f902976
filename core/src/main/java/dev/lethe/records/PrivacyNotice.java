package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.Right;
import dev.lethe.model.PersonalDataModel;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A draft of the information a controller gives data subjects (Art. 13, and Art. 14 for data not
 * obtained from them), generated from the model and the controller description: who the controller
 * is, the notice's version and date, the personal data by subject type and its source, purposes and lawful bases, legitimate
 * interests, recipients, transfers, retention, every right with how to use it and its response time
 * (Art. 12(3)), withdrawal of consent, the right to complain and automated decision-making.
 *
 * <p>It is a draft: a lawyer reads it before it is published. What the model leaves undeclared is
 * listed by {@link #gaps()} rather than guessed.
 *
 * <pre>{@code
 * PrivacyNotice notice = PrivacyNotice.of(model, controller).withResponseTime(Right.RESTRICTION, Period.ofDays(28));
 * notice.writeHtml(writer);
 * }</pre>
 */
public final class PrivacyNotice {

  private final ProcessingFacts facts;
  private final Map<Right, Period> responseTimes;
  private final String version;
  private final Optional<LocalDate> date;

  private PrivacyNotice(
      ProcessingFacts facts, Map<Right, Period> responseTimes, Optional<LocalDate> date) {
    this.facts = facts;
    this.responseTimes = responseTimes;
    this.version = NoticeVersion.of(facts);
    this.date = date;
  }

  /**
   * The notice for {@code model}'s processing by {@code controller} (Art. 13, 14), stating Art. 12(3)'s
   * one month, extendable by two, as the response time of every request.
   *
   * @throws UnknownRecipientException listing every recipient a purpose names that the controller does not describe
   */
  public static PrivacyNotice of(PersonalDataModel model, Controller controller) {
    return new PrivacyNotice(
        ProcessingFacts.of(
            requireNonNull(model, "model"), requireNonNull(controller, "controller")),
        new EnumMap<>(Right.class),
        Optional.empty());
  }

  /**
   * This notice promising {@code period} as the response time for requests under {@code right}, such
   * as 28 days for restriction; Art. 12(3) allows at most one month, extendable by two.
   *
   * @throws IllegalArgumentException if {@code right} is not exercised by a request, or the period is
   *     not positive or longer than one month
   */
  public PrivacyNotice withResponseTime(Right right, Period period) {
    requireNonNull(right, "right");
    requireNonNull(period, "period");
    if (!NoticeDocument.REQUESTED_RIGHTS.contains(right)) {
      throw new IllegalArgumentException(
          right
              + " is not exercised by a request with a response time; these are: "
              + NoticeDocument.REQUESTED_RIGHTS);
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException(
          "The response time for " + right + " must be positive, not " + period);
    }
    if (!withinOneMonth(period)) {
      throw new IllegalArgumentException(
          "The response time for "
              + right
              + " is "
              + period
              + ", but Art. 12(3) allows at most one month; state the extension separately");
    }
    Map<Right, Period> copy = new EnumMap<>(Right.class);
    copy.putAll(responseTimes);
    copy.put(right, period);
    return new PrivacyNotice(facts, copy, date);
  }

  /**
   * This notice's version: a fingerprint of its material content (purposes and bases, the people
   * and categories of data each is about, recipients, transfers, retention, special categories).
   * Replicas running the same code derive the same version without coordination, and a new purpose,
   * recipient or category gives a new one. Record it with each consent
   * ({@code ConsentEvidence.of(notice.version(), ..)}) so that {@code ConsentLedger.givenUnderOtherNotice}
   * finds the consents to ask for again after a material change (Art. 7(1), 13(3)).
   */
  public String version() {
    return version;
  }

  /** The date this version of the notice applies from, as given to {@link #withDate}. */
  public Optional<LocalDate> date() {
    return date;
  }

  /**
   * This notice, stating that its version applies from {@code date}, such as the date it was
   * published; the version stays derived from the content.
   */
  public PrivacyNotice withDate(LocalDate date) {
    return new PrivacyNotice(facts, responseTimes, Optional.of(requireNonNull(date, "date")));
  }

  private static boolean withinOneMonth(Period period) {
    long days = period.getDays();
    return period.getYears() == 0
        && (period.getMonths() == 0 ? days <= 31 : period.getMonths() == 1 && days == 0);
  }

  /**
   * What the model leaves undeclared that a notice must state, such as an entity without a retention
   * period (Art. 13(2)(a)); empty when nothing is missing.
   */
  public List<String> gaps() {
    return facts.gaps();
  }

  /** Writes the notice as Markdown (Art. 12(1): concise, transparent, in plain language). {@code out} is not closed. */
  public void writeMarkdown(Writer out) throws IOException {
    NoticeDocument.build(facts, responseTimes, version, date)
        .writeMarkdown(requireNonNull(out, "out"));
  }

  /**
   * Writes the notice as a self-contained HTML page in UTF-8, every value escaped (Art. 12(1)).
   * {@code out} is not closed and should encode UTF-8.
   */
  public void writeHtml(Writer out) throws IOException {
    NoticeDocument.build(facts, responseTimes, version, date).writeHtml(requireNonNull(out, "out"));
  }
}
