package dev.lethe.spring.console;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.audit.AuditVerification;
import dev.lethe.erasure.LegalHold;
import dev.lethe.model.SubjectType;
import dev.lethe.retention.RetentionReport;
import dev.lethe.rights.SubjectIdentifier;
import dev.lethe.spi.LegalHoldStore;
import dev.lethe.spi.RetentionRunLog;
import dev.lethe.spi.SubjectKey;
import dev.lethe.spi.Transactions;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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

  private final LegalHoldStore holds;
  private final AuditTrail audit;
  private final RetentionRunLog runLog;
  private final Transactions transactions;
  private final Words words;
  private final String basePath;

  ConsolePagesController(LegalHoldStore holds, AuditTrail audit, RetentionRunLog runLog, Transactions transactions,
      Words words, String basePath) {
    this.holds = holds;
    this.audit = audit;
    this.runLog = runLog;
    this.transactions = transactions;
    this.words = words;
    this.basePath = basePath;
  }

  /** A legal hold in words: on a subject by shortened pseudonym, or on an entity type. */
  record Hold(String id, String covers, String coversTitle, String reason, String placed) {
  }

  /** One retention run: when, whether it only counted, and per entity what it did. */
  record Run(String started, String finished, boolean dryRun, long rows, List<PolicyRow> policies) {
  }

  /** What one retention policy's sweep did (Art. 5(1)(e)). */
  record PolicyRow(String entity, String policy, String cutoff, long deleted, long anonymised, long heldBack,
      String heldBy) {
  }

  @GetMapping
  String home() {
    return "redirect:" + basePath + "/requests";
  }

  @GetMapping("/legal-holds")
  String legalHolds(Model model) {
    model.addAttribute("holds", holds.all().stream().map(this::hold).toList());
    return "lethe-console/legal-holds";
  }

  /** Lifts a hold; erasure and retention reach the data again. Audited (Art. 5(2)). */
  @PostMapping("/legal-holds/{id}/lift")
  String lift(@PathVariable String id, RedirectAttributes redirect) {
    UUID hold = ConsoleInput.requestId(id).value();
    boolean lifted = transactions.inTransaction(() -> {
      boolean standing = holds.release(hold);
      if (standing) {
        audit.record(AuditEntry.of(AuditEventType.LEGAL_HOLD_LIFTED).withAttribute("hold", hold.toString()));
      }
      return standing;
    });
    redirect.addFlashAttribute("message", lifted ? "The legal hold was lifted." : "That legal hold was lifted already.");
    return "redirect:" + basePath + "/legal-holds";
  }

  @GetMapping("/audit")
  String audit(Model model) {
    AuditVerification verification = audit.verify();
    model.addAttribute("intact", verification.isIntact());
    model.addAttribute("checked", verification.checkedEvents());
    model.addAttribute("breakAt", verification.firstBreak().map(AuditVerification.Break::sequence).orElse(null));
    model.addAttribute("breakKind", verification.firstBreak().map(found -> Words.of(found.kind())).orElse(null));
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
    if (hold.subject().isEmpty()) {
      String entity = "Every " + RequestPages.entityLabel(hold.entity().orElseThrow().getSimpleName()).toLowerCase()
          + " row";
      return new Hold(hold.id().toString(), entity, entity, hold.reason(), placed);
    }
    SubjectKey key = hold.subject().get();
    // As tombstones and the REST API name held subjects: by keyed pseudonym of the id, never the id.
    String pseudonym = audit.pseudonymOf(new SubjectIdentifier(key.subjectType(), SubjectType.ID,
        key.id().toString())).hex();
    return new Hold(hold.id().toString(), key.subjectType() + " " + pseudonym.substring(0, 4) + "…",
        key.subjectType() + " " + pseudonym, hold.reason(), placed);
  }

  private Run run(RetentionReport report) {
    return new Run(words.instant(report.started()), words.instant(report.finished()), report.dryRun(),
        report.rowsProcessed(), report.policies().stream().map(policy -> new PolicyRow(
            RequestPages.entityLabel(policy.entity()),
            Words.period(policy.policy().period()) + " after " + Words.ofName(policy.policy().clockAttribute()).toLowerCase() + ", then "
                + Words.of(policy.policy().action()).toLowerCase(),
            words.instant(policy.cutoff()), policy.deleted(), policy.anonymised(), policy.heldBack(),
            String.join("; ", policy.heldBy()))).toList());
  }
}
