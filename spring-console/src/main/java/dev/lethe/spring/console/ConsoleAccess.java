package dev.lethe.spring.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets only users with the console's admin role in. It refuses through Spring Security, so that the
 * application's security answers as it does elsewhere: a visitor who is not signed in is sent to its
 * sign-in, a signed-in user without the role gets its 403. The console holds every request and the
 * identities they name: it is never open (Art. 32).
 */
final class ConsoleAccess implements HandlerInterceptor {

  private final String role;

  ConsoleAccess(String role) {
    this.role = role;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!request.isUserInRole(role)) {
      throw new AccessDeniedException("The Lethe console requires the role " + role);
    }
    return true;
  }
}
