package dev.lethe.jpa.internal;

import dev.lethe.law.RestrictionGround;

/**
 * Makes the exception with which {@link RestrictionGuard} refuses a change of a restricted subject's
 * row (Art. 18(2)) from inside Hibernate's event callbacks, where no facade can translate it: the
 * store supplies {@code ProcessingRestrictedException::new}, the type the application catches, which
 * the machinery does not name because that type's package depends on it.
 */
@FunctionalInterface
public interface ChangeRefusal {

  /** The exception refusing {@code change} of a row of {@code entity}, whose subject is restricted on {@code ground}. */
  RuntimeException refuse(String entity, String change, RestrictionGround ground);
}
