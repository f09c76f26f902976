/**
 * A shop audited by Hibernate Envers whose rows reach their shopper two and three hops away, by
 * to-one chains, a one-way {@code @OneToMany} by join column and a join table: the history of rows
 * the application deleted must be reached along those routes too.
 */
@NullMarked
package dev.lethe.jpa.envers.deep;

import org.jspecify.annotations.NullMarked;
