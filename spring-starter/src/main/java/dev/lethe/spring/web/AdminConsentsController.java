package dev.lethe.spring.web;

import dev.lethe.consent.ConsentLedger;
import dev.lethe.consent.OutdatedConsents;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.subject.SubjectPseudonym;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consents to ask for again, under {@code {lethe.web.base-path}/admin/consents}: the current
 * consents given under an older version of the privacy notice than {@code PrivacyNotice.version()},
 * counted per purpose and version, and paged per purpose as the keyed pseudonyms the ledger names
 * subjects by (Art. 7(1), 13(3)). The application finds its subjects among them with {@code
 * AuditTrail.pseudonymOf}. Requires the role {@code lethe.web.admin-role}.
 */
@RestController
@RequestMapping("/admin/consents")
public final class AdminConsentsController {

  private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

  private final ConsentLedger consents;
  private final PersonalDataModel model;
  private final PrivacyNotice notice;
  private final Callers callers;

  AdminConsentsController(
      ConsentLedger consents, PersonalDataModel model, PrivacyNotice notice, Callers callers) {
    this.consents = consents;
    this.model = model;
    this.notice = notice;
    this.callers = callers;
  }

  /**
   * The consents given under an older notice version.
   *
   * @param noticeVersion the notice's current version
   * @param outdated per purpose and older version, how many current consents were given under it
   */
  public record OutdatedReport(String noticeVersion, List<OutdatedConsents> outdated) {}

  /**
   * A page of the subjects whose current consent to a purpose was given under an older notice version.
   *
   * @param purpose the purpose
   * @param noticeVersion the notice's current version
   * @param subjects the subjects' keyed pseudonyms, in order
   * @param next the {@code after} of the next page; null on the last
   */
  public record OutdatedSubjects(
      String purpose, String noticeVersion, List<String> subjects, @Nullable String next) {}

  /** Per purpose and older notice version, how many current consents to ask for again (Art. 7(1), 13(3)). */
  @GetMapping("/outdated")
  public OutdatedReport outdated(HttpServletRequest http) {
    callers.requireAdmin(http);
    return new OutdatedReport(notice.version(), consents.givenUnderOtherNotice(notice.version()));
  }

  /**
   * The subjects whose current consent to {@code purpose} was given under an older notice version, at
   * most {@code limit} (1 to 1000) after the pseudonym {@code after}; 400 for a purpose that rests on no
   * consent, or a malformed parameter.
   */
  @GetMapping("/outdated/{purpose}")
  public OutdatedSubjects outdatedSubjects(
      HttpServletRequest http,
      @PathVariable String purpose,
      @RequestParam(required = false) @Nullable String after,
      @RequestParam(defaultValue = "100") int limit) {
    callers.requireAdmin(http);
    ConsentPurposes.require(model.purposes(), purpose);
    if (after != null && !PSEUDONYM.matcher(after).matches()) {
      throw new IllegalArgumentException(
          "The parameter 'after' must be a subject pseudonym: 64 lowercase hexadecimal"
              + " digits, the last of the page before");
    }
    if (limit < 1 || limit > ConsentLedger.MAX_PAGE) {
      throw new IllegalArgumentException(
          "The parameter 'limit' must be between 1 and " + ConsentLedger.MAX_PAGE);
    }
    List<String> subjects =
        consents
            .subjectsGivenUnderOtherNotice(
                purpose,
                notice.version(),
                Optional.ofNullable(after).map(SubjectPseudonym::new),
                limit)
            .stream()
            .map(SubjectPseudonym::hex)
            .toList();
    return new OutdatedSubjects(
        purpose,
        notice.version(),
        subjects,
        subjects.size() == limit ? subjects.get(subjects.size() - 1) : null);
  }
}
