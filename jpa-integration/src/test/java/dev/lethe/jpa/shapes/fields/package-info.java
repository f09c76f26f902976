/**
 * Mapping shapes of issue 13 items 2, 5 and 6: attributes inherited from a mapped superclass under
 * a class-level {@code @PersonalData} ({@link dev.lethe.jpa.shapes.fields.Customer}) or declared by a
 * {@code @PersonalDataOverride} ({@link dev.lethe.jpa.shapes.fields.Supplier}), a {@code @SubjectLink}
 * column without {@code @PersonalData} ({@link dev.lethe.jpa.shapes.fields.Ticket}), and a class-level
 * {@code DELETE_ROW} beside a kept attribute ({@link dev.lethe.jpa.shapes.fields.Invoice}), and a link that
 * is the identifier ({@link dev.lethe.jpa.shapes.fields.Preferences}).
 */
@NullMarked
package dev.lethe.jpa.shapes.fields;

import org.jspecify.annotations.NullMarked;
