package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.breach.AffectedSubjects;
import dev.lethe.breach.Breach;
import dev.lethe.breach.BreachRegister;
import dev.lethe.breach.BreachReport;
import dev.lethe.breach.UnknownBreachException;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The breach register (Art. 33(5)), under {@code {lethe.web.base-path}/admin/breaches}: record a
 * personal-data breach, list them with the 72-hour deadline to notify the supervisory authority
 * (overdue first), record that notification, with the reasons when late (Art. 33(1)), assess the
 * risk anew, and tell the subjects of a high-risk breach through the outbox (Art. 34(1)). Every
 * change is audited by the register, without a description or a subject's identity. Every endpoint
 * requires the role {@code lethe.web.admin-role}.
 */
@RestController
@RequestMapping("/admin/breaches")
public final class AdminBreachesController {

  private final BreachRegister breaches;
  private final Clock clock;
  private final Limits limits;
  private final Callers callers;

  AdminBreachesController(BreachRegister breaches, Clock clock, Limits limits, Callers callers) {
    this.breaches = breaches;
    this.clock = clock;
    this.limits = limits;
    this.callers = callers;
  }

  /**
   * A breach to enter in the register, as Art. 33(3) asks it to be described. Texts describe the
   * breach, never a person.
   *
   * @param awareAt when the controller became aware of it, ISO-8601, such as {@code 2025-03-03T09:00:00Z}
   * @param nature its nature
   * @param dataCategories the categories of personal data concerned, such as {@code contact.email}
   * @param subjectTypes the categories of subjects concerned, as the model names them
   * @param approximateSubjects the approximate number of subjects concerned
   * @param approximateRecords the approximate number of records concerned
   * @param consequences its likely consequences
   * @param measures the measures taken or proposed
   * @param dpoContact the contact point where more information can be obtained
   * @param risk {@code UNLIKELY}, {@code RISK} or {@code HIGH}
   */
  public record Recording(
      @Nullable String awareAt,
      @Nullable String nature,
      @Nullable List<String> dataCategories,
      @Nullable List<String> subjectTypes,
      @Nullable Long approximateSubjects,
      @Nullable Long approximateRecords,
      @Nullable String consequences,
      @Nullable String measures,
      @Nullable String dpoContact,
      @Nullable String risk) {}

  /**
   * The notification of the supervisory authority, made now (Art. 33(1)).
   *
   * @param delayReasons why it comes later than 72 hours after awareness; required when it does
   */
  public record AuthorityNotification(@Nullable String delayReasons) {}

  /**
   * The risk the breach is now assessed to pose (Art. 33(1), 34(1)).
   *
   * @param risk {@code UNLIKELY}, {@code RISK} or {@code HIGH}
   */
  public record Assessment(@Nullable String risk) {}

  /**
   * Who a high-risk breach affects (Art. 34(1)): subjects named, and the subjects of an entity's rows
   * whose date or time attribute lies in a window; at least one of either.
   *
   * @param subjects subjects named as a request names them
   * @param windows entity rows by time
   */
  public record Affected(
      @Nullable List<AdminRestrictionsController.Subject> subjects,
      @Nullable List<Window> windows) {}

  /**
   * The rows of an entity whose date or time attribute lies in {@code [from, to)}.
   *
   * @param entity the entity's simple name, such as {@code CustomerOrder}
   * @param attribute a date or time attribute it declares, such as {@code placedAt}
   * @param from the window's start, included, ISO-8601
   * @param to the window's end, excluded, ISO-8601
   */
  public record Window(
      @Nullable String entity,
      @Nullable String attribute,
      @Nullable String from,
      @Nullable String to) {}

  /** Enters a breach in the register (Art. 33(5)); 201 with its location and deadline. */
  @PostMapping
  public ResponseEntity<BreachView> record(HttpServletRequest http, @RequestBody Recording body) {
    callers.requireAdmin(http);
    BreachReport report =
        new BreachReport(
            Bodies.instant(body.awareAt(), "awareAt"),
            limits.reason(body.nature(), "nature"),
            limits.labels(body.dataCategories(), "dataCategories"),
            limits.labels(body.subjectTypes(), "subjectTypes"),
            required(body.approximateSubjects(), "approximateSubjects"),
            required(body.approximateRecords(), "approximateRecords"),
            limits.reason(body.consequences(), "consequences"),
            limits.reason(body.measures(), "measures"),
            limits.reason(body.dpoContact(), "dpoContact"),
            Bodies.constant(Breach.Risk.class, body.risk(), "risk"));
    Breach breach = breaches.record(report);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .path("/{id}")
            .buildAndExpand(breach.id())
            .toUri();
    return ResponseEntity.created(location).body(view(breach));
  }

  /**
   * Every breach in the register: those whose authority notification is overdue first, earliest
   * deadline first, then the rest, most recent awareness first (Art. 33(1), 33(5)).
   */
  @GetMapping
  public List<BreachView> list(HttpServletRequest http) {
    callers.requireAdmin(http);
    Instant now = clock.instant();
    return breaches.byUrgency().stream().map(breach -> BreachView.of(breach, now)).toList();
  }

  /** One breach; 404 if the register has none with the id. */
  @GetMapping("/{id}")
  public BreachView get(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    return view(breaches.find(id).orElseThrow(() -> new UnknownBreachException(id)));
  }

  /**
   * Records that the supervisory authority was notified now (Art. 33(1)): later than 72 hours after
   * awareness, {@code delayReasons} is required (400 naming it otherwise, nothing recorded); 409 if
   * the authority was already notified.
   */
  @PostMapping("/{id}/authority-notification")
  public BreachView notifyAuthority(
      HttpServletRequest http,
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable AuthorityNotification body) {
    callers.requireAdmin(http);
    Optional<String> reasons =
        Optional.ofNullable(body)
            .map(AuthorityNotification::delayReasons)
            .filter(text -> !text.isBlank())
            .map(text -> limits.reason(text, "delayReasons"));
    return view(breaches.notifyAuthority(id, reasons));
  }

  /** Records the risk the breach is now assessed to pose (Art. 33(1), 34(1)). */
  @PostMapping("/{id}/risk")
  public BreachView assessRisk(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Assessment body) {
    callers.requireAdmin(http);
    return view(breaches.assessRisk(id, Bodies.constant(Breach.Risk.class, body.risk(), "risk")));
  }

  /**
   * Tells every subject the body names of a breach assessed as high risk (Art. 34(1)): one notice per
   * subject is written to the outbox, and nobody is told twice. 409 unless the risk is {@code HIGH} and
   * the application's {@code BreachNotifier} can deliver;
   * 400 if the body names nothing, or what the model does not have.
   */
  @PostMapping("/{id}/subject-notification")
  public BreachView notifySubjects(
      HttpServletRequest http, @PathVariable UUID id, @RequestBody Affected body) {
    callers.requireAdmin(http);
    List<SubjectIdentifier> listed =
        Optional.ofNullable(body.subjects()).orElse(List.of()).stream()
            .map(
                subject ->
                    limits.identity(
                        new SubjectIdentifier(
                            required(
                                required(subject, "subjects").subjectType(),
                                "subjects[].subjectType"),
                            required(subject.identity(), "subjects[].identity"),
                            required(subject.value(), "subjects[].value")),
                        "subjects[].value"))
            .toList();
    AffectedSubjects affected = AffectedSubjects.listed(listed);
    for (Window window : Optional.ofNullable(body.windows()).orElse(List.of())) {
      required(window, "windows");
      affected =
          affected.and(
              AffectedSubjects.rowsBetween(
                  limits.label(window.entity(), "windows[].entity"),
                  limits.label(window.attribute(), "windows[].attribute"),
                  Bodies.instant(window.from(), "windows[].from"),
                  Bodies.instant(window.to(), "windows[].to")));
    }
    return view(breaches.notifySubjects(id, affected));
  }

  private BreachView view(Breach breach) {
    return BreachView.of(breach, clock.instant());
  }
}
