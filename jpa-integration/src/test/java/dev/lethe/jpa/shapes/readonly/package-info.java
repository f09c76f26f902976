/**
 * Personal data on columns the application does not write: {@code updatable = false} ({@link
 * dev.lethe.jpa.shapes.readonly.Card}), read-only copies of columns other attributes write ({@link
 * dev.lethe.jpa.shapes.readonly.Loan}) and values Hibernate reads back ({@code @Generated}, {@link
 * dev.lethe.jpa.shapes.readonly.Stamp}). Erasure writes them all.
 */
@NullMarked
package dev.lethe.jpa.shapes.readonly;

import org.jspecify.annotations.NullMarked;
