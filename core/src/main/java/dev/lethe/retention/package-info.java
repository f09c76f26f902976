/** Storage limitation (Art. 5(1)(e)): what happens to rows whose retention period has run out. */
@NullMarked
package dev.lethe.retention;

import org.jspecify.annotations.NullMarked;
