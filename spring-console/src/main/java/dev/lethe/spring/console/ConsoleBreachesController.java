package dev.lethe.spring.console;

import dev.lethe.breach.AffectedSubjects;
import dev.lethe.breach.Breach;
import dev.lethe.breach.BreachRegister;
import dev.lethe.breach.BreachReport;
import dev.lethe.breach.UnknownBreachException;
import dev.lethe.law.DataCategory;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
 * authority is to be notified (Art. 33(1)), flagged when they have passed, and a breach recorded as
 * Art. 33(3) asks it to be described; one breach's page with that description, the notification of
 * the authority recorded (with the reasons for a delay when it is late), the risk assessed anew, and
 * the subjects of a high-risk breach told through the outbox (Art. 34(1)). The register audits each
 * change; no form's value is repeated in a refusal.
 */
@Controller
@RequestMapping("${lethe.console.base-path:/lethe/console}/breaches")
class ConsoleBreachesController {

  /** The most subjects one form may list, one per line. */
  static final int MAX_LISTED_SUBJECTS = 1000;

  private final BreachRegister breaches;
  private final PersonalDataModel model;
  private final Clock clock;
  private final ConsoleInput input;
  private final Words words;
  private final String contactPoint;
  private final String basePath;

  ConsoleBreachesController(
      BreachRegister breaches,
      PersonalDataModel model,
      Clock clock,
      ConsoleInput input,
      Words words,
      String contactPoint,
      String basePath) {
    this.breaches = breaches;
    this.model = model;
    this.clock = clock;
    this.input = input;
    this.words = words;
    this.contactPoint = contactPoint;
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
  String list(Model page) {
    page.addAttribute("breaches", breaches.byUrgency().stream().map(this::row).toList());
    page.addAttribute("categories", categories());
    page.addAttribute("subjectTypes", subjectTypes());
    page.addAttribute(
        "risks", RequestPages.choices(Breach.Risk.values(), ConsoleBreachesController::risk));
    page.addAttribute("contactPoint", contactPoint);
    return "lethe-console/breaches";
  }

  /**
   * Enters a breach in the register (Art. 33(5)), described as Art. 33(3) asks: the categories of data
   * and of subjects are chosen from the model's, awareness is read in the console's zone.
   */
  @PostMapping
  String record(
      @RequestParam(required = false) @Nullable String awareAt,
      @RequestParam(required = false) @Nullable String nature,
      @RequestParam(required = false) @Nullable List<String> dataCategories,
      @RequestParam(required = false) @Nullable List<String> subjectTypes,
      @RequestParam(required = false) @Nullable String approximateSubjects,
      @RequestParam(required = false) @Nullable String approximateRecords,
      @RequestParam(required = false) @Nullable String consequences,
      @RequestParam(required = false) @Nullable String measures,
      @RequestParam(required = false) @Nullable String dpoContact,
      @RequestParam(required = false) @Nullable String risk,
      RedirectAttributes redirect) {
    BreachReport report =
        new BreachReport(
            ConsoleInput.dateTime(awareAt, "time you became aware of it", words.zone()),
            input.text(nature, "nature of the breach"),
            chosen(dataCategories, categories(), "category of data"),
            chosen(subjectTypes, subjectTypes(), "category of people"),
            ConsoleInput.count(approximateSubjects, "approximate number of people"),
            ConsoleInput.count(approximateRecords, "approximate number of records"),
            input.text(consequences, "likely consequences"),
            input.text(measures, "measures taken or proposed"),
            input.text(dpoContact, "contact point"),
            ConsoleInput.required(risk, Breach.Risk.class, "risk"));
    Breach breach = breaches.record(report);
    redirect.addFlashAttribute(
        "message",
        report.risk() == Breach.Risk.UNLIKELY
            ? "The breach was recorded."
            : "The breach was recorded: notify the supervisory authority by "
                + words.instant(breach.authorityDeadline())
                + ".");
    return "redirect:" + basePath + "/breaches/" + breach.id();
  }

  @GetMapping("/{id}")
  String breach(@PathVariable String id, Model page) {
    page.addAttribute("breach", row(find(ConsoleInput.uuid(id, "breach"))));
    page.addAttribute(
        "risks", RequestPages.choices(Breach.Risk.values(), ConsoleBreachesController::risk));
    page.addAttribute("identities", RequestPages.identities(model));
    page.addAttribute("entities", RequestPages.entities(model));
    return "lethe-console/breach";
  }

  /** Records the risk the breach is now assessed to pose (Art. 33(1), 34(1)). */
  @PostMapping("/{id}/risk")
  String assessRisk(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String risk,
      RedirectAttributes redirect) {
    UUID breach = ConsoleInput.uuid(id, "breach");
    breaches.assessRisk(breach, ConsoleInput.required(risk, Breach.Risk.class, "risk"));
    redirect.addFlashAttribute("message", "The risk was recorded.");
    return "redirect:" + basePath + "/breaches/" + breach;
  }

  /**
   * Tells the subjects of a high-risk breach (Art. 34(1)): those an identity names, one value per
   * line, and those of an entity's rows whose date or time attribute lies in a window; one notice
   * each through the outbox, nobody twice.
   */
  @PostMapping("/{id}/subjects-notified")
  String notifySubjects(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String identity,
      @RequestParam(required = false) @Nullable String values,
      @RequestParam(required = false) @Nullable String entity,
      @RequestParam(required = false) @Nullable String attribute,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      RedirectAttributes redirect) {
    UUID breach = ConsoleInput.uuid(id, "breach");
    AffectedSubjects affected = AffectedSubjects.listed(listed(identity, values));
    if (entity != null && !entity.isBlank()) {
      affected =
          affected.and(
              AffectedSubjects.rowsBetween(
                  ConsoleInput.oneOf(
                      entity,
                      model.entities().stream().map(EntityDescriptor::name).toList(),
                      "kind of record"),
                  ConsoleInput.label(attribute, "date or time attribute"),
                  ConsoleInput.dateTime(from, "start of the window", words.zone()),
                  ConsoleInput.dateTime(to, "end of the window", words.zone())));
    }
    if (affected.isEmpty()) {
      throw new ConsoleInputException(
          "Name the people told: list their identities, or choose the records of a time window.");
    }
    long before = find(breach).subjectsNotified();
    Breach notified = breaches.notifySubjects(breach, affected);
    long sent = notified.subjectsNotified() - before;
    redirect.addFlashAttribute(
        "message",
        sent == 1
            ? "1 person is sent a notice of the breach."
            : sent + " people are sent a notice of the breach.");
    return "redirect:" + basePath + "/breaches/" + breach;
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

  /** The subjects listed, one identity value per line; none when no line has one. */
  private List<SubjectIdentifier> listed(@Nullable String identity, @Nullable String values) {
    List<String> lines =
        values == null ? List.of() : values.lines().filter(line -> !line.isBlank()).toList();
    if (lines.size() > MAX_LISTED_SUBJECTS) {
      throw new ConsoleInputException(
          "List at most " + MAX_LISTED_SUBJECTS + " people at once, one per line.");
    }
    if (lines.isEmpty()) {
      return List.of();
    }
    Function<String, SubjectIdentifier> namedBy = RequestPages.namedBy(model, identity);
    return lines.stream()
        .map(line -> namedBy.apply(input.identity(line, "value of the identity on each line")))
        .toList();
  }

  /** Those of {@code chosen} offered in {@code choices}: none chosen is none. */
  private static List<String> chosen(
      @Nullable List<String> chosen, List<Map.Entry<String, String>> choices, String field) {
    List<String> offered = choices.stream().map(Map.Entry::getKey).toList();
    return chosen == null
        ? List.of()
        : chosen.stream().map(value -> ConsoleInput.oneOf(value, offered, field)).toList();
  }

  /** The categories of the model's personal data, by code, most general first. */
  private List<Map.Entry<String, String>> categories() {
    return model.entities().stream()
        .flatMap(entity -> entity.fields().stream())
        .map(FieldDescriptor::category)
        .distinct()
        .sorted(Comparator.comparing(DataCategory::code))
        .map(category -> Map.entry(category.code(), category.label()))
        .toList();
  }

  private List<Map.Entry<String, String>> subjectTypes() {
    return model.subjectTypes().stream()
        .map(type -> Map.entry(type.name(), Words.ofName(type.name())))
        .toList();
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
