package dev.lethe.breach;

import java.util.NoSuchElementException;
import java.util.UUID;

/** Thrown when no breach in the register has the id given (Art. 33(5)). */
public final class UnknownBreachException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  /** For the breach {@code id}, which the register does not hold. */
  public UnknownBreachException(UUID id) {
    super("No breach in the register has id " + id);
  }
}
