/**
 * How the records of {@code dev.lethe.records} are assembled and written: what the model says per
 * purpose (shared by the record of processing and the notice), their phrasing, a small document
 * model rendered as Markdown or HTML, and the escaping each output format needs. Not API.
 */
@NullMarked
package dev.lethe.internal.records;

import org.jspecify.annotations.NullMarked;
