/** A small recruitment domain for retention on a date-only clock with an element collection. */
@NullMarked
package dev.lethe.jpa.hr;

import org.jspecify.annotations.NullMarked;
