/**
 * A veterinary clinic that exercises every mapping the JPA store handles: a mapped superclass, an
 * embeddable, an element collection, SINGLE_TABLE and JOINED inheritance, a many-to-many join
 * table, a two-hop route (Visit → Pet → Owner), a {@code @SubjectLink} column and
 * {@code @SoftDelete} (deleted and erased in place), with two subject types (owner, vet).
 */
@NullMarked
package dev.lethe.jpa.clinic;

import org.jspecify.annotations.NullMarked;
