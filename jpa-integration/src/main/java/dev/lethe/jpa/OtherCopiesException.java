package dev.lethe.jpa;

import dev.lethe.erasure.OtherCopy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at start-up by a store built with {@link JpaPersonalDataStore.Builder#refuseOtherCopies(boolean)
 * refuseOtherCopies(true)} when it finds copies of the model's personal data that an erasure cannot
 * reach (Art. 17(1), 17(2)): every copy not accepted is listed, each with where it is, why Lethe
 * cannot erase it and what to do. Names database objects only, never values.
 */
public final class OtherCopiesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<OtherCopy> copies;

  /** An exception listing {@code copies}, which must not be empty. */
  public OtherCopiesException(List<OtherCopy> copies) {
    super(message(copies));
    this.copies = List.copyOf(copies);
  }

  /** Every copy found and not accepted, in the order found. */
  public List<OtherCopy> copies() {
    return copies;
  }

  private static String message(List<OtherCopy> copies) {
    if (copies.isEmpty()) {
      throw new IllegalArgumentException("An OtherCopiesException needs at least one copy");
    }
    return "Lethe found "
        + copies.size()
        + (copies.size() == 1 ? " copy" : " copies")
        + " of personal data that"
        + " erasure cannot reach, and was told to refuse to start (accept a copy once it is handled):\n"
        + copies.stream().map(copy -> "  - " + copy).collect(Collectors.joining("\n"));
  }
}
