package dev.lethe.spring.console;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.objection.Objections;
import dev.lethe.request.RectificationRejectedException;
import dev.lethe.request.RejectionReason;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestPage;
import dev.lethe.rights.RequestQuery;
import dev.lethe.rights.UnknownRequestException;
import dev.lethe.spi.Transactions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requests queue and one request's page (Art. 12): deadlines with overdue and due-soon flags,
 * filters and pages; the request's history from the audit (Art. 5(2)); verify the identity (Art.
 * 12(6)), extend once with the notice to the subject (Art. 12(3)), reject with reasons (Art. 12(4)),
 * fulfil by erasing (Art. 17), downloading the report (Art. 15, 20), rectifying with the corrected
 * values (Art. 16), restricting (Art. 18) or recording the objection (Art. 21), complete, cancel;
 * the erasure receipt in words and where each recipient stands (Art. 17(2), 19).
 */
@Controller
@RequestMapping("${lethe.console.base-path:/lethe/console}/requests")
class ConsoleRequestsController {

  private final DataSubjectRights rights;
  private final Restrictions restrictions;
  private final Objections objections;
  private final Transactions transactions;
  private final RequestPages pages;
  private final ConsoleInput input;
  private final Clock clock;
  private final int pageSize;
  private final String basePath;

  ConsoleRequestsController(
      DataSubjectRights rights,
      Restrictions restrictions,
      Objections objections,
      Transactions transactions,
      RequestPages pages,
      ConsoleInput input,
      Clock clock,
      int pageSize,
      String basePath) {
    this.basePath = basePath;
    this.rights = rights;
    this.restrictions = restrictions;
    this.objections = objections;
    this.transactions = transactions;
    this.pages = pages;
    this.input = input;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /**
   * The queue, open requests by default, earliest due first. A link may choose status, type and
   * page; a subject is searched for by {@link #search}, so that an identity never reaches a URL,
   * a browser's history or an access log.
   */
  @GetMapping
  String queue(
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(defaultValue = "0") String page,
      Model model) {
    return queue(status, type, null, page, model);
  }

  /** The queue filtered as {@link #queue} and by the subject typed in the form, which is posted. */
  @PostMapping
  String search(
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String type,
      @RequestParam(required = false) @Nullable String subject,
      @RequestParam(defaultValue = "0") String page,
      Model model) {
    return queue(status, type, subject, page, model);
  }

  private String queue(
      @Nullable String status,
      @Nullable String type,
      @Nullable String subject,
      String page,
      Model model) {
    RequestQuery query = RequestQuery.all(pageSize).withPage(pageNumber(page));
    String state = status == null ? "OPEN" : status;
    if (!state.isBlank() && !state.equals("OPEN")) {
      query =
          query.withStatuses(Set.of(ConsoleInput.required(state, RequestStatus.class, "status")));
    } else if (state.equals("OPEN")) {
      query = query.open();
    }
    RequestType requestType = ConsoleInput.choice(type, RequestType.class, "request type");
    if (requestType != null) {
      query = query.withTypes(Set.of(requestType));
    }
    if (subject != null && !subject.isBlank()) {
      query = query.withSubject(ConsoleInput.label(subject, "subject"));
    }
    RequestPage found = rights.requests(query);
    model.addAttribute("queue", pages.queue(found, today()));
    model.addAttribute("statusFilter", state);
    model.addAttribute("typeFilter", requestType == null ? "" : requestType.name());
    model.addAttribute("subjectFilter", subject == null ? "" : subject);
    model.addAttribute("statuses", RequestPages.choices(RequestStatus.values(), Words::status));
    model.addAttribute("types", RequestPages.choices(RequestType.values(), RequestPages::type));
    return "lethe-console/requests";
  }

  @GetMapping("/{id}")
  String request(@PathVariable String id, Model model) {
    RightsRequest request = find(ConsoleInput.requestId(id));
    model.addAttribute("request", pages.row(request, today()));
    model.addAttribute("correctable", pages.correctable(request));
    model.addAttribute("objectable", pages.objectable(request));
    model.addAttribute("details", request);
    model.addAttribute("history", pages.history(request));
    model.addAttribute("recipients", pages.recipients(request));
    model.addAttribute("notice", pages.extensionNotice(request));
    model.addAttribute(
        "rejection",
        request
            .rejection()
            .map(rejection -> Words.of(rejection.reason()) + ": " + rejection.explanation())
            .orElse(null));
    model.addAttribute(
        "rejectionReasons", RequestPages.choices(RejectionReason.values(), Words::of));
    model.addAttribute(
        "erasureGrounds",
        RequestPages.choices(
            ErasureGround.values(), ground -> ground.title() + " (" + ground.article() + ")"));
    model.addAttribute(
        "restrictionGrounds",
        RequestPages.choices(
            RestrictionGround.values(), ground -> ground.title() + " (" + ground.article() + ")"));
    return "lethe-console/request";
  }

  @PostMapping("/{id}/verify")
  String verify(@PathVariable String id, @RequestParam(required = false) @Nullable String method) {
    RequestId requestId = ConsoleInput.requestId(id);
    rights.verify(requestId, ConsoleInput.label(method, "way the identity was checked"));
    return redirect(requestId);
  }

  @PostMapping("/{id}/extend")
  String extend(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String months,
      @RequestParam(required = false) @Nullable String reason) {
    RequestId requestId = ConsoleInput.requestId(id);
    if (!"1".equals(months) && !"2".equals(months)) {
      throw new ConsoleInputException("Extend by one or two months (Art. 12(3)).");
    }
    rights.extend(
        requestId,
        Period.ofMonths(Integer.parseInt(months)),
        input.text(reason, "reason for the extension"));
    return redirect(requestId);
  }

  @PostMapping("/{id}/reject")
  String reject(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String explanation) {
    RequestId requestId = ConsoleInput.requestId(id);
    rights.reject(
        requestId,
        ConsoleInput.required(reason, RejectionReason.class, "reason"),
        input.text(explanation, "explanation for the subject"));
    return redirect(requestId);
  }

  /** Erases the subject (Art. 17) and shows the receipt in words on the request's page. */
  @PostMapping("/{id}/erase")
  String erase(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String ground,
      RedirectAttributes redirect) {
    RequestId requestId = ConsoleInput.requestId(id);
    ErasureReceipt receipt =
        rights.erase(requestId, ConsoleInput.required(ground, ErasureGround.class, "ground"));
    redirect.addFlashAttribute("receipt", pages.receipt(receipt));
    return redirect(requestId);
  }

  /** Restricts processing on the ground and fulfils the request, in one transaction (Art. 18(1)). */
  @PostMapping("/{id}/restrict")
  String restrict(
      @PathVariable String id, @RequestParam(required = false) @Nullable String ground) {
    RequestId requestId = ConsoleInput.requestId(id);
    RestrictionGround restriction =
        ConsoleInput.required(ground, RestrictionGround.class, "ground");
    transactions.inTransaction(
        () -> {
          restrictions.restrict(find(requestId), restriction);
          return rights.fulfil(requestId);
        });
    return redirect(requestId);
  }

  /**
   * Fulfils a rectification request with the corrected values (Art. 16), checked against each
   * entity's constraints first: applied in one go, or refused with a message per field, on the
   * request's page (422), without repeating a value. Blank fields are left as they are.
   */
  @PostMapping("/{id}/rectify")
  Object rectify(
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    RequestId requestId = ConsoleInput.requestId(id);
    Map<String, String> labels = pages.correctable(find(requestId));
    Map<String, @Nullable Object> corrections = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith(RequestPages.CORRECTION) && !value.isBlank()) {
            String attribute = name.substring(RequestPages.CORRECTION.length());
            if (!labels.containsKey(attribute)) {
              throw new ConsoleInputException("Unknown attribute: correct those the form lists.");
            }
            corrections.put(attribute, input.text(value, labels.get(attribute).toLowerCase()));
          }
        });
    if (corrections.isEmpty()) {
      throw new ConsoleInputException("Fill in at least one corrected value.");
    }
    try {
      long rows = rights.rectifyAttributes(requestId, corrections);
      redirect.addFlashAttribute(
          "message",
          "Corrected "
              + corrections.keySet().stream().map(labels::get).collect(Collectors.joining(", "))
              + " in "
              + rows
              + (rows == 1 ? " record" : " records")
              + "; every recipient is told (Art. 19). Complete the request once the subject is told.");
      return redirect(requestId);
    } catch (RectificationRejectedException rejected) {
      model.addAttribute(
          "corrections",
          rejected.violations().stream()
              .collect(
                  Collectors.toMap(
                      RectificationRejectedException.Violation::attribute,
                      RectificationRejectedException.Violation::message,
                      (first, second) -> first + "; " + second)));
      return new ModelAndView(request(id, model), model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
    }
  }

  /**
   * Fulfils an objection request (Art. 21): the objection to the purpose chosen, one of those open to
   * objection, is recorded, and the request fulfilled, in one transaction.
   */
  @PostMapping("/{id}/object")
  String object(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String purpose,
      RedirectAttributes redirect) {
    RequestId requestId = ConsoleInput.requestId(id);
    String label =
        transactions.inTransaction(
            () -> {
              RightsRequest request = find(requestId);
              Map<String, String> open = pages.objectable(request);
              if (request.type() != RequestType.OBJECTION || open.isEmpty()) {
                throw new ConsoleInputException(
                    "Only an objection request, to a purpose open to objection, records one.");
              }
              String chosen = ConsoleInput.oneOf(purpose, List.copyOf(open.keySet()), "purpose");
              objections.objectFor(request, chosen);
              rights.fulfil(requestId);
              return open.get(chosen);
            });
    redirect.addFlashAttribute(
        "message",
        "The objection to "
            + label
            + " was recorded; every recipient is told"
            + " (Art. 21, 19). Complete the request once the subject is told.");
    return redirect(requestId);
  }

  /** Fulfils an access or portability request: the subject's report as a ZIP of JSON and CSV (Art. 15(3), 20). */
  @PostMapping("/{id}/report")
  ResponseEntity<StreamingResponseBody> report(@PathVariable String id) {
    RequestId requestId = ConsoleInput.requestId(id);
    SubjectReport report = rights.access(requestId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("subject-report-" + requestId + ".zip")
                .build()
                .toString())
        .body(out -> SubjectReportWriter.writeZip(report, out));
  }

  /**
   * Records that a request the console has no action of its own for was acted upon; a restriction or
   * objection request is refused until carried out with its own form (Art. 18, 21).
   */
  @PostMapping("/{id}/fulfil")
  String fulfil(@PathVariable String id) {
    RequestId requestId = ConsoleInput.requestId(id);
    rights.fulfil(requestId);
    return redirect(requestId);
  }

  @PostMapping("/{id}/complete")
  String complete(@PathVariable String id) {
    RequestId requestId = ConsoleInput.requestId(id);
    rights.complete(requestId);
    return redirect(requestId);
  }

  @PostMapping("/{id}/complete-without-acknowledgements")
  String completeWithoutAcknowledgements(
      @PathVariable String id, @RequestParam(required = false) @Nullable String reason) {
    RequestId requestId = ConsoleInput.requestId(id);
    rights.completeWithoutAcknowledgements(requestId, input.text(reason, "reason"));
    return redirect(requestId);
  }

  @PostMapping("/{id}/cancel")
  String cancel(@PathVariable String id, @RequestParam(required = false) @Nullable String reason) {
    RequestId requestId = ConsoleInput.requestId(id);
    rights.cancel(requestId, input.text(reason, "reason"));
    return redirect(requestId);
  }

  private RightsRequest find(RequestId id) {
    return rights.find(id).orElseThrow(() -> new UnknownRequestException(id));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static int pageNumber(String text) {
    if (!text.matches("\\d{1,6}")) {
      throw new ConsoleInputException("The page is a number from 0.");
    }
    return Integer.parseInt(text);
  }

  /** After a post, the request's page (post, redirect, get: a reload does not post again). */
  private String redirect(RequestId id) {
    return "redirect:" + basePath + "/requests/" + id;
  }
}
