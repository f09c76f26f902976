/** Reads annotations into the model and validates it. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.model;

import org.jspecify.annotations.NullMarked;
