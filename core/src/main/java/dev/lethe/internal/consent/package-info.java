/** The in-memory {@link dev.lethe.spi.ConsentStore}. Internal: never part of a public signature. */
@NullMarked
package dev.lethe.internal.consent;

import org.jspecify.annotations.NullMarked;
