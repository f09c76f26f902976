/**
 * A subject root listing children that {@code @SQLRestriction} hides through a one-way
 * {@code @OneToMany} with a join column: Hibernate saves hidden children without their parent's
 * key, so the shape is refused at start-up.
 */
@NullMarked
package dev.lethe.jpa.shapes.hiddenchildren;

import org.jspecify.annotations.NullMarked;
