/**
 * The benchmark's model: a shop customer and nine linked entity types, five erased by deleting the
 * row and four in place, one of them two hops away (order line → order → customer).
 */
@NullMarked
package dev.lethe.bench.shop;

import org.jspecify.annotations.NullMarked;
