/** A subscriber list with copies beside it that erasure cannot reach: triggers, views, publications, stray tables. */
@NullMarked
package dev.lethe.jpa.copies;

import org.jspecify.annotations.NullMarked;
