package dev.lethe.spring.web;

import dev.lethe.spring.LetheProperties;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Who is calling, read from the servlet API only: the principal and roles that Spring Security or
 * the container's own security set. The starter imposes no authentication of its own; it refuses
 * callers who are not signed in (401, with the {@code WWW-Authenticate} challenge of {@code
 * lethe.web.authentication-challenge}) and admin calls without the configured role (403). A
 * signed-in user is the data subject their principal name identifies, so self-service acts on the
 * caller's own data only (Art. 12(6), Art. 15(4), Art. 32).
 */
final class Callers {

  private final LetheProperties.WebProperties web;
  private final Limits limits;

  Callers(LetheProperties.WebProperties web) {
    this.web = web;
    this.limits = new Limits(web);
  }

  /** Refuses the call unless the caller is signed in and holds the admin role. */
  void requireAdmin(HttpServletRequest request) {
    signedIn(request);
    if (!request.isUserInRole(web.adminRole())) {
      throw refusal(HttpStatus.FORBIDDEN, "This endpoint requires the role " + web.adminRole());
    }
  }

  /** The signed-in caller as a data subject: the configured subject type and identity, valued by the principal's name. */
  SubjectIdentifier subject(HttpServletRequest request) {
    return limits.identity(
        new SubjectIdentifier(web.subjectType(), web.identity(), signedIn(request).getName()),
        "principal name");
  }

  private Principal signedIn(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      ErrorResponseException refusal =
          refusal(HttpStatus.UNAUTHORIZED, "Sign in to use this endpoint");
      refusal.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, web.authenticationChallenge());
      throw refusal;
    }
    return principal;
  }

  private static ErrorResponseException refusal(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
