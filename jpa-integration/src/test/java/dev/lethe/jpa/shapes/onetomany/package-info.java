/**
 * Issue 13 item 1: a subject root that lists its children through a unidirectional
 * {@code @OneToMany} with a join column ({@link dev.lethe.jpa.shapes.onetomany.Address}) or a join
 * table ({@link dev.lethe.jpa.shapes.onetomany.Note}), with no back-reference, and an entity that
 * reaches the root only through the inverse side of a one-to-one
 * ({@link dev.lethe.jpa.shapes.onetomany.Profile}).
 */
@NullMarked
package dev.lethe.jpa.shapes.onetomany;

import org.jspecify.annotations.NullMarked;
