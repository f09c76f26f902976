/** Lethe without Spring: Hibernate bootstrapped by hand, one access and one erasure. */
@NullMarked
package example.plainjpa;

import org.jspecify.annotations.NullMarked;
