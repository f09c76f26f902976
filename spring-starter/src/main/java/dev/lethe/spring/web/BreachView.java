package dev.lethe.spring.web;

import dev.lethe.breach.Breach;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A personal-data breach as the admin API shows it (Art. 33(5)): what was reported, the 72-hour
 * deadline to notify the supervisory authority (Art. 33(1)) and where the notifications stand. Its
 * texts are the controller's staff's about the breach; it names no subject.
 *
 * @param id the breach's id
 * @param awareAt when the controller became aware of it: the 72 hours run from it
 * @param recordedAt when it was entered in the register
 * @param nature its nature (Art. 33(3)(a))
 * @param dataCategories the categories of personal data concerned
 * @param subjectTypes the categories of subjects concerned
 * @param approximateSubjects the approximate number of subjects concerned
 * @param approximateRecords the approximate number of records concerned
 * @param consequences its likely consequences (Art. 33(3)(c))
 * @param measures the measures taken or proposed (Art. 33(3)(d))
 * @param dpoContact the contact point (Art. 33(3)(b))
 * @param risk the risk assessed: {@code UNLIKELY} is notified to no one, {@code RISK} to the
 *     authority, {@code HIGH} to the authority and the subjects (Art. 33(1), 34(1))
 * @param authorityDeadline 72 hours after awareness (Art. 33(1))
 * @param authorityOverdue whether the authority must be and is not notified, past the deadline
 * @param authorityNotifiedAt when the authority was notified, once it was
 * @param notifiedLate whether that was after the deadline
 * @param delayReasons the reasons for the delay, when late
 * @param subjectsNotifiedAt when notices to the subjects were first written (Art. 34(1))
 * @param subjectsNotified how many subjects were sent a notice
 */
public record BreachView(
    UUID id,
    Instant awareAt,
    Instant recordedAt,
    String nature,
    List<String> dataCategories,
    List<String> subjectTypes,
    long approximateSubjects,
    long approximateRecords,
    String consequences,
    String measures,
    String dpoContact,
    Breach.Risk risk,
    Instant authorityDeadline,
    boolean authorityOverdue,
    @Nullable Instant authorityNotifiedAt,
    boolean notifiedLate,
    @Nullable String delayReasons,
    @Nullable Instant subjectsNotifiedAt,
    long subjectsNotified) {

  static BreachView of(Breach breach, Instant now) {
    return new BreachView(
        breach.id(),
        breach.report().awareAt(),
        breach.recordedAt(),
        breach.report().nature(),
        breach.report().dataCategories(),
        breach.report().subjectTypes(),
        breach.report().approximateSubjects(),
        breach.report().approximateRecords(),
        breach.report().consequences(),
        breach.report().measures(),
        breach.report().dpoContact(),
        breach.report().risk(),
        breach.authorityDeadline(),
        breach.isAuthorityOverdue(now),
        breach.authorityNotifiedAt().orElse(null),
        breach.wasNotifiedLate(),
        breach.delayReasons().orElse(null),
        breach.subjectsNotifiedAt().orElse(null),
        breach.subjectsNotified());
  }
}
