package dev.lethe.spring.console;

import dev.lethe.breach.UnknownBreachException;
import dev.lethe.rights.UnknownRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page needs, its base path for links, and refusals as a page in words, with
 * the status a program would expect: 400 for bad input, 404 for a request or breach that does not
 * exist, 409 for a move the request's state refuses (such as fulfilling before the identity is
 * verified, Art. 12(6)). The text is Lethe's message, which never holds personal
 * data, or the console's own, which never repeats what was typed. Applies to the console only.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
final class ConsoleAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleAdvice.class);

  private final String basePath;

  ConsoleAdvice(String basePath) {
    this.basePath = basePath;
  }

  @ModelAttribute("base")
  String base() {
    return basePath;
  }

  @ExceptionHandler
  ModelAndView badInput(ConsoleInputException e) {
    return page(e.status(), "Not done", e.getMessage());
  }

  @ExceptionHandler
  ModelAndView unknownRequest(UnknownRequestException e) {
    return page(
        HttpStatus.NOT_FOUND,
        "No such request",
        "No request has that id; it may have been mistyped.");
  }

  @ExceptionHandler
  ModelAndView unknownBreach(UnknownBreachException e) {
    return page(
        HttpStatus.NOT_FOUND,
        "No such breach",
        "No breach in the register has that id; it may have been mistyped.");
  }

  /** Includes {@code IllegalRequestTransitionException}: the request's state does not allow the move. */
  @ExceptionHandler
  ModelAndView refused(IllegalStateException e) {
    return page(HttpStatus.CONFLICT, "Not done", e.getMessage());
  }

  @ExceptionHandler
  ModelAndView invalid(IllegalArgumentException e) {
    LOG.debug("Console input refused by Lethe", e);
    return page(HttpStatus.BAD_REQUEST, "Not done", e.getMessage());
  }

  private ModelAndView page(HttpStatus status, String title, String message) {
    ModelAndView page = new ModelAndView("lethe-console/problem", status);
    page.addObject("base", basePath);
    page.addObject("title", title);
    page.addObject("message", message);
    return page;
  }
}
