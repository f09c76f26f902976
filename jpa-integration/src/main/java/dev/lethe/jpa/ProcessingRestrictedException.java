package dev.lethe.jpa;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.RestrictionGround;

/**
 * Thrown when a change would process data of a subject whose processing is restricted (Art. 18):
 * while a restriction stands the data is only stored (Art. 18(2)), so updates and deletes of the
 * subject's rows, through the application's entities or through Lethe's erasure, are refused and
 * the transaction rolls back. The message names the entity type, the change and the ground of the
 * restriction, never the person.
 */
public final class ProcessingRestrictedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String entity;
  private final RestrictionGround ground;

  /**
   * An exception for a refused {@code change} (such as "update" or "erasure") of a row of
   * {@code entity}, whose subject is restricted on {@code ground} (Art. 18(1), 18(2)).
   */
  public ProcessingRestrictedException(String entity, String change, RestrictionGround ground) {
    this(
        entity,
        ground,
        "The "
            + requireNonNull(change, "change")
            + " of "
            + requireNonNull(entity, "entity")
            + " data is refused: processing of its subject's data is restricted on ground "
            + describe(ground)
            + ", and while a restriction stands the data is only"
            + " stored (Art. 18(2)). Lift the restriction first, after telling the subject (Art. 18(3)).");
  }

  private ProcessingRestrictedException(String entity, RestrictionGround ground, String message) {
    super(message);
    this.entity = requireNonNull(entity, "entity");
    this.ground = requireNonNull(ground, "ground");
  }

  /**
   * The rectification of {@code attribute}, the identity {@code identity} the restriction was
   * recorded under, is refused even on {@link RestrictionGround#ACCURACY_CONTESTED}: changed, the
   * identity would no longer lead to the restriction, and the subject's data would be processed
   * again while its accuracy is contested (Art. 18(1)(a), 18(2)).
   */
  static ProcessingRestrictedException identityRectified(
      String entity, String attribute, String identity, RestrictionGround ground) {
    return new ProcessingRestrictedException(
        entity,
        ground,
        "The rectification of "
            + entity
            + "."
            + attribute
            + " is refused: processing of its subject's data is restricted on ground "
            + describe(ground)
            + ", recorded under the identity '"
            + identity
            + "' that this attribute holds, and once it changed the restriction would no longer be"
            + " found (Art. 18(2)). Restrict the subject under its id and lift the restriction under '"
            + identity
            + "', then rectify; or lift it after telling the subject (Art. 18(3)), then rectify.");
  }

  private static String describe(RestrictionGround ground) {
    return ground + " (" + ground.article() + ": " + ground.title() + ")";
  }

  /** The name of the entity type whose row was to change (Art. 18(2)). */
  public String entity() {
    return entity;
  }

  /** The ground of the restriction that refused the change (Art. 18(1)). */
  public RestrictionGround ground() {
    return ground;
  }
}
