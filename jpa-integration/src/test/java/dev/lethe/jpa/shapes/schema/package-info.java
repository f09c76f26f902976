/**
 * Small domains for the start-up checks against the real schema (issue 13 items 11, 12, 13, 16):
 * rules the database or the entities' own constraints would make fail, which the store refuses at
 * start-up, and rows referring to deleted rows, which it detaches.
 */
@NullMarked
package dev.lethe.jpa.shapes.schema;

import org.jspecify.annotations.NullMarked;
