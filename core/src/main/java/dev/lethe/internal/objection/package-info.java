/** The in-memory {@link dev.lethe.spi.ObjectionStore}. Internal: never part of a public signature. */
@NullMarked
package dev.lethe.internal.objection;

import org.jspecify.annotations.NullMarked;
