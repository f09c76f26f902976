package dev.lethe.spring.console;

import dev.lethe.breach.Breach;
import dev.lethe.breach.BreachRegister;
import dev.lethe.breach.BreachReport;
import dev.lethe.breach.UnknownBreachException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The breach register (Art. 33(5)): every breach with the 72 hours within which the supervisory
 * authority is to be notified (Art. 33(1)), flagged when they have passed; one breach's page with
 * what Art. 33(3) asks to be described, and the notification of the authority recorded, with the
 * reasons for a delay when it is late.
 */
@Controller
@RequestMapping("${lethe.console.base-path:/lethe/console}/breaches")
class ConsoleBreachesController {

  private final BreachRegister breaches;
  private final Clock clock;
  private final ConsoleInput input;
  private final Words words;
  private final String basePath;

  ConsoleBreachesController(
      BreachRegister breaches, Clock clock, ConsoleInput input, Words words, String basePath) {
    this.breaches = breaches;
    this.clock = clock;
    this.input = input;
    this.words = words;
    this.basePath = basePath;
  }

  /**
   * One breach in words.
   *
   * @param authority where the notification of the authority stands, such as "Due by 4 Dec 2026, 09:00"
   * @param overdue whether the 72 hours passed without the notification a risk requires (Art. 33(1))
   * @param notifiable whether the notification can still be recorded
   */
  record Row(
      String id,
      String nature,
      String risk,
      String awareAt,
      String recordedAt,
      String deadline,
      String authority,
      boolean overdue,
      boolean notifiable,
      @Nullable String delayReasons,
      String subjects,
      BreachReport report) {}

  @GetMapping
  String list(Model model) {
    model.addAttribute("breaches", breaches.byUrgency().stream().map(this::row).toList());
    return "lethe-console/breaches";
  }

  @GetMapping("/{id}")
  String breach(@PathVariable String id, Model model) {
    model.addAttribute("breach", row(find(ConsoleInput.uuid(id, "breach"))));
    return "lethe-console/breach";
  }

  /** Records that the authority was notified now (Art. 33(1)); later than 72 hours, with the reasons. */
  @PostMapping("/{id}/authority-notified")
  String authorityNotified(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String reasons,
      RedirectAttributes redirect) {
    UUID breach = ConsoleInput.uuid(id, "breach");
    Optional<String> stated =
        Optional.ofNullable(reasons)
            .filter(text -> !text.isBlank())
            .map(text -> input.text(text, "reasons for the delay"));
    if (stated.isEmpty() && clock.instant().isAfter(find(breach).authorityDeadline())) {
      throw new ConsoleInputException(
          "Fill in the reasons for the delay: the 72 hours of Art. 33(1) have passed.");
    }
    breaches.notifyAuthority(breach, stated);
    redirect.addFlashAttribute(
        "message", "The notification of the supervisory authority was recorded.");
    return "redirect:" + basePath + "/breaches/" + breach;
  }

  private Breach find(UUID id) {
    return breaches.find(id).orElseThrow(() -> new UnknownBreachException(id));
  }

  private Row row(Breach breach) {
    Instant now = clock.instant();
    BreachReport report = breach.report();
    String deadline = words.instant(breach.authorityDeadline());
    String authority =
        breach
            .authorityNotifiedAt()
            .map(at -> "Notified " + words.instant(at) + (breach.wasNotifiedLate() ? ", late" : ""))
            .orElseGet(
                () ->
                    report.risk() == Breach.Risk.UNLIKELY
                        ? "Not required: unlikely to result in a risk"
                        : breach.isAuthorityOverdue(now)
                            ? "Overdue since " + deadline
                            : "Due by "
                                + deadline
                                + ", in "
                                + hours(Duration.between(now, breach.authorityDeadline())));
    String subjects =
        breach
            .subjectsNotifiedAt()
            .map(at -> breach.subjectsNotified() + " told from " + words.instant(at))
            .orElse(
                report.risk() == Breach.Risk.HIGH ? "Not yet told (Art. 34(1))" : "Not required");
    return new Row(
        breach.id().toString(),
        report.nature(),
        risk(report.risk()),
        words.instant(report.awareAt()),
        words.instant(breach.recordedAt()),
        deadline,
        authority,
        breach.isAuthorityOverdue(now),
        breach.authorityNotifiedAt().isEmpty(),
        breach.delayReasons().orElse(null),
        subjects,
        report);
  }

  private static String risk(Breach.Risk risk) {
    return switch (risk) {
      case UNLIKELY -> "Unlikely to result in a risk";
      case RISK -> "A risk: the authority is notified";
      case HIGH -> "A high risk: the authority and the subjects are notified";
    };
  }

  private static String hours(Duration left) {
    long hours = Math.max(0, left.toHours());
    return hours == 1 ? "1 hour" : hours + " hours";
  }
}
