/**
 * Issue 13 item 4, refused: an entity reaching two subjects with a personal field that names no owner, and one naming an unknown route.
 */
@NullMarked
package dev.lethe.jpa.shapes.unowned;

import org.jspecify.annotations.NullMarked;
