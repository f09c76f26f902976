/** The in-memory {@link dev.lethe.spi.RestrictionStore}. Internal: never part of a public signature. */
@NullMarked
package dev.lethe.internal.restriction;

import org.jspecify.annotations.NullMarked;
