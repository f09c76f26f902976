package dev.lethe.processing;

import static java.util.Objects.requireNonNull;

/**
 * Thrown by {@link ProcessingGuard#require} when a subject's data may not be processed for a
 * purpose: its message names the purpose, the reason and the article (Art. 6, 7, 18, 21), never the
 * subject.
 */
public final class ProcessingDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String purpose;
  private final Decision.Reason reason;

  /** @param decision the denial */
  public ProcessingDeniedException(Decision decision) {
    super(message(requireNonNull(decision, "decision")));
    if (decision.allowed()) {
      throw new IllegalArgumentException(
          "The decision allows processing for purpose '" + decision.purpose() + "'");
    }
    this.purpose = decision.purpose();
    this.reason = decision.reason();
  }

  /** The denial, with the purpose and the reason. */
  public Decision decision() {
    return new Decision(purpose, reason);
  }

  private static String message(Decision decision) {
    return "Processing for purpose '"
        + decision.purpose()
        + "' is denied: "
        + decision.reason()
        + " ("
        + decision.article()
        + "): "
        + decision.reason().description();
  }
}
