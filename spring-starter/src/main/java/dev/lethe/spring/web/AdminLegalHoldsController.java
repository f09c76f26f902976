package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.erasure.LegalHold;
import dev.lethe.retention.LegalHolds;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal holds (Art. 17(3)(e)), under {@code {lethe.web.base-path}/admin/legal-holds}: place one on a
 * subject, named as a request names it, or on an entity type; list those standing; lift one.
 * Erasure and retention leave alone what a hold covers. Every endpoint requires the role {@code
 * lethe.web.admin-role}. The work is {@link LegalHolds}'s, as the console's.
 */
@RestController
@RequestMapping("/admin/legal-holds")
public final class AdminLegalHoldsController {

  private final LegalHolds holds;
  private final Limits limits;
  private final Callers callers;

  AdminLegalHoldsController(LegalHolds holds, Limits limits, Callers callers) {
    this.holds = holds;
    this.limits = limits;
    this.callers = callers;
  }

  /**
   * A hold to place: on a subject ({@code subjectType}, {@code identity}, {@code value}) or on an
   * entity type ({@code entity}), never both.
   *
   * @param subjectType the held subject's type
   * @param identity the identity the subject is named by, such as {@code email}
   * @param value the identity's value
   * @param entity the simple name of the entity type held, such as {@code Invoice}
   * @param reason why the data is held, such as a case reference: name no one
   */
  public record Placement(
      @Nullable String subjectType,
      @Nullable String identity,
      @Nullable String value,
      @Nullable String entity,
      @Nullable String reason) {}

  /** Every standing hold, oldest first. */
  @GetMapping
  public List<LegalHoldView> list(HttpServletRequest http) {
    callers.requireAdmin(http);
    return holds.all().stream().map(hold -> LegalHoldView.of(hold, holds)).toList();
  }

  /**
   * Places a hold (Art. 17(3)(e)); 201 with the holds placed: one per subject the identity resolves
   * to, or the one on the entity type. 404 if the identity names nobody.
   */
  @PostMapping
  public ResponseEntity<List<LegalHoldView>> place(
      HttpServletRequest http, @RequestBody Placement body) {
    callers.requireAdmin(http);
    String reason = limits.reason(body.reason(), "reason");
    boolean onSubject =
        body.subjectType() != null || body.identity() != null || body.value() != null;
    if (onSubject == (body.entity() != null)) {
      throw new IllegalArgumentException(
          "A legal hold covers either one subject (subjectType, identity, value) or one"
              + " entity type (entity)");
    }
    List<LegalHold> placed =
        onSubject
            ? onSubject(body, reason)
            : List.of(holds.placeOnEntity(required(body.entity(), "entity"), reason));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(placed.stream().map(hold -> LegalHoldView.of(hold, holds)).toList());
  }

  /** Lifts the hold {@code id}; 204, or 404 if none stands with that id. */
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> lift(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    if (!holds.lift(id)) {
      throw new ErrorResponseException(
          HttpStatus.NOT_FOUND,
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No legal hold " + id + " stands"),
          null);
    }
    return ResponseEntity.noContent().build();
  }

  private List<LegalHold> onSubject(Placement body, String reason) {
    SubjectIdentifier subject =
        limits.identity(
            new SubjectIdentifier(
                required(body.subjectType(), "subjectType"),
                required(body.identity(), "identity"),
                required(body.value(), "value")),
            "value");
    List<LegalHold> placed = holds.placeOnSubject(subject, reason);
    if (placed.isEmpty()) {
      throw new ErrorResponseException(
          HttpStatus.NOT_FOUND,
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_FOUND,
              "The identity names no subject of type '"
                  + subject.subjectType()
                  + "': no hold was placed"),
          null);
    }
    return placed;
  }
}
