/**
 * Issue 13 item 4: rows that reach two subjects of different types, a treatment of a patient by a physician, whose fields name their owner.
 */
@NullMarked
package dev.lethe.jpa.shapes.treatment;

import org.jspecify.annotations.NullMarked;
