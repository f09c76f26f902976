/**
 * Issue 13 item 14: a many-to-one joined by a non-key column ({@code referencedColumnName}), directly and two hops away.
 */
@NullMarked
package dev.lethe.jpa.shapes.refcolumn;

import org.jspecify.annotations.NullMarked;
