package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.restriction.Restrictions;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lifting restrictions of processing (Art. 18(3)), under {@code {lethe.web.base-path}/admin/restrictions}.
 * A restriction is placed through its request ({@code POST /admin/requests/{id}/restrict}); lifting
 * names the subject as that request did, as the restriction is kept under the pseudonym of that
 * identity. Requires the role {@code lethe.web.admin-role}.
 */
@RestController
@RequestMapping("/admin/restrictions")
public final class AdminRestrictionsController {

  private final Restrictions restrictions;
  private final DataSubjectRights rights;
  private final Limits limits;
  private final Callers callers;

  AdminRestrictionsController(
      Restrictions restrictions, DataSubjectRights rights, Limits limits, Callers callers) {
    this.restrictions = restrictions;
    this.rights = rights;
    this.limits = limits;
    this.callers = callers;
  }

  /**
   * The subject whose restriction is lifted, named as its restriction request named it.
   *
   * @param subjectType the subject's type
   * @param identity the identity, such as {@code email}
   * @param value the identity's value
   */
  public record Subject(
      @Nullable String subjectType, @Nullable String identity, @Nullable String value) {}

  /**
   * Lifts the subject's restriction (Art. 18(3)): the application's {@code SubjectNotifier} tells the
   * subject first, and only once it did is the restriction lifted, audited and passed on to every
   * recipient (Art. 19). 409 if no restriction stands, or if the subject could not be told (the
   * restriction then stays).
   */
  @PostMapping("/lift")
  public RestrictionView lift(HttpServletRequest http, @RequestBody Subject body) {
    callers.requireAdmin(http);
    SubjectIdentifier subject =
        limits.identity(
            new SubjectIdentifier(
                required(body.subjectType(), "subjectType"),
                required(body.identity(), "identity"),
                required(body.value(), "value")),
            "value");
    rights.checkIdentifier(subject);
    return RestrictionView.of(restrictions.lift(subject));
  }
}
