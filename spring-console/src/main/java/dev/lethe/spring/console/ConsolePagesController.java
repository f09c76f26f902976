package dev.lethe.spring.console;

import dev.lethe.audit.AuditTrail;
import dev.lethe.audit.AuditVerification;
import dev.lethe.erasure.LegalHold;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.retention.LegalHolds;
import dev.lethe.retention.RetentionReport;
import dev.lethe.retention.RetentionRunLog;
import dev.lethe.subject.SubjectIdentifier;
import java.util.List;
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
 * The console's other pages: legal holds (Art. 17(3)(e)), the audit chain's verification (Art.
 * 5(2)) and the retention runs (Art. 5(1)(e), 5(2)).
 */
@Controller
@RequestMapping("${lethe.console.base-path:/lethe/console}")
class ConsolePagesController {

  /** Retention runs shown: the log keeps more, the actuator shows them too. */
  private static final int RETENTION_RUNS = 20;

  private final LegalHolds holds;
  private final PersonalDataModel model;
  private final AuditTrail audit;
  private final RetentionRunLog runLog;
  private final ConsoleInput input;
  private final Words words;
  private final String basePath;

  ConsolePagesController(
      LegalHolds holds,
      PersonalDataModel model,
      AuditTrail audit,
      RetentionRunLog runLog,
      ConsoleInput input,
      Words words,
      String basePath) {
    this.holds = holds;
    this.model = model;
    this.audit = audit;
    this.runLog = runLog;
    this.input = input;
    this.words = words;
    this.basePath = basePath;
  }

  /** A legal hold in words: on a subject by shortened pseudonym, or on an entity type. */
  record Hold(String id, String covers, String coversTitle, String reason, String placed) {}

  /** One retention run: when, whether it only counted, and per entity what it did. */
  record Run(
      String started, String finished, boolean dryRun, long rows, List<PolicyRow> policies) {}

  /** What one retention policy's sweep did (Art. 5(1)(e)). */
  record PolicyRow(
      String entity,
      String policy,
      String cutoff,
      long deleted,
      long anonymised,
      long heldBack,
      String heldBy) {}

  @GetMapping
  String home() {
    return "redirect:" + basePath + "/requests";
  }

  @GetMapping("/legal-holds")
  String legalHolds(Model page) {
    page.addAttribute("holds", holds.all().stream().map(this::hold).toList());
    page.addAttribute("identities", RequestPages.identities(model));
    page.addAttribute("entities", RequestPages.entities(model));
    return "lethe-console/legal-holds";
  }

  /**
   * Holds everything of the subject an identity names (Art. 17(3)(e)), audited by pseudonym: one hold
   * per subject it resolves to. A 404 page when it names nobody; the value is never repeated.
   */
  @PostMapping("/legal-holds/subject")
  String placeOnSubject(
      @RequestParam(required = false) @Nullable String identity,
      @RequestParam(required = false) @Nullable String value,
      @RequestParam(required = false) @Nullable String reason,
      RedirectAttributes redirect) {
    SubjectIdentifier subject =
        RequestPages.namedBy(model, identity).apply(input.identity(value, "value of the identity"));
    List<LegalHold> placed =
        holds.placeOnSubject(subject, input.text(reason, "reason for the hold"));
    if (placed.isEmpty()) {
      throw ConsoleInputException.notFound(
          "No "
              + subject.subjectType()
              + " has that "
              + Words.ofName(subject.identity()).toLowerCase()
              + ": no hold was placed. Check the value and try again.");
    }
    redirect.addFlashAttribute(
        "message",
        placed.size() == 1
            ? "The legal hold was placed."
            : placed.size() + " legal holds were placed, one for each subject the identity names.");
    return "redirect:" + basePath + "/legal-holds";
  }

  /** Holds every row of an entity type (Art. 17(3)(e)), audited. */
  @PostMapping("/legal-holds/entity")
  String placeOnEntity(
      @RequestParam(required = false) @Nullable String entity,
      @RequestParam(required = false) @Nullable String reason,
      RedirectAttributes redirect) {
    holds.placeOnEntity(
        ConsoleInput.oneOf(
            entity,
            model.entities().stream().map(EntityDescriptor::name).toList(),
            "kind of record"),
        input.text(reason, "reason for the hold"));
    redirect.addFlashAttribute("message", "The legal hold was placed.");
    return "redirect:" + basePath + "/legal-holds";
  }

  /** Lifts a hold; erasure and retention reach the data again. Audited (Art. 5(2)). */
  @PostMapping("/legal-holds/{id}/lift")
  String lift(@PathVariable String id, RedirectAttributes redirect) {
    boolean lifted = holds.lift(ConsoleInput.uuid(id, "legal hold"));
    redirect.addFlashAttribute(
        "message", lifted ? "The legal hold was lifted." : "That legal hold was lifted already.");
    return "redirect:" + basePath + "/legal-holds";
  }

  @GetMapping("/audit")
  String audit(Model model) {
    AuditVerification verification = audit.verify();
    model.addAttribute("intact", verification.isIntact());
    model.addAttribute("checked", verification.checkedEvents());
    model.addAttribute(
        "breakAt", verification.firstBreak().map(AuditVerification.Break::sequence).orElse(null));
    model.addAttribute(
        "breakKind", verification.firstBreak().map(found -> Words.of(found.kind())).orElse(null));
    model.addAttribute("checkpoint", audit.checkpoint());
    return "lethe-console/audit";
  }

  @GetMapping("/retention")
  String retention(Model model) {
    model.addAttribute("runs", runLog.latest(RETENTION_RUNS).stream().map(this::run).toList());
    return "lethe-console/retention";
  }

  private Hold hold(LegalHold hold) {
    String placed = words.instant(hold.placedAt());
    // As tombstones and the REST API name held subjects: by keyed pseudonym of the id, never the
    // id.
    return holds
        .pseudonymOf(hold)
        .map(
            pseudonym -> {
              String subjectType = hold.subject().orElseThrow().subjectType();
              return new Hold(
                  hold.id().toString(),
                  subjectType + " " + pseudonym.substring(0, 4) + "…",
                  subjectType + " " + pseudonym,
                  hold.reason(),
                  placed);
            })
        .orElseGet(
            () -> {
              String entity =
                  "Every "
                      + RequestPages.entityLabel(hold.entity().orElseThrow().getSimpleName())
                          .toLowerCase()
                      + " row";
              return new Hold(hold.id().toString(), entity, entity, hold.reason(), placed);
            });
  }

  private Run run(RetentionReport report) {
    return new Run(
        words.instant(report.started()),
        words.instant(report.finished()),
        report.dryRun(),
        report.rowsProcessed(),
        report.policies().stream()
            .map(
                policy ->
                    new PolicyRow(
                        RequestPages.entityLabel(policy.entity()),
                        Words.period(policy.policy().period())
                            + " after "
                            + Words.ofName(policy.policy().clockAttribute()).toLowerCase()
                            + ", then "
                            + Words.of(policy.policy().action()).toLowerCase(),
                        words.instant(policy.cutoff()),
                        policy.deleted(),
                        policy.anonymised(),
                        policy.heldBack(),
                        String.join("; ", policy.heldBy())))
            .toList());
  }
}
