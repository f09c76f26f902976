/**
 * Shared workings of consent, objection, restriction and the processing guard: looking purposes up
 * in the model with a clear message, and finding a subject type's recipients. Internal: never part
 * of a public signature.
 */
@NullMarked
package dev.lethe.internal.processing;

import org.jspecify.annotations.NullMarked;
