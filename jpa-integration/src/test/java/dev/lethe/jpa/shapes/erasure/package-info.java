/**
 * A small library domain for erasure execution: rows hidden by {@code @SQLRestriction} and
 * filters, HASH on values that look like hashes, element values equal but for case, and versioned
 * rows (numeric and timestamp).
 */
@NullMarked
package dev.lethe.jpa.shapes.erasure;

import org.jspecify.annotations.NullMarked;
