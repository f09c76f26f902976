/**
 * A row many subjects share whose link to each is a NOT NULL column of the subject's row, which
 * the erasure keeps: refused at start-up.
 */
@NullMarked
package dev.lethe.jpa.shapes.sharedlink;

import org.jspecify.annotations.NullMarked;
