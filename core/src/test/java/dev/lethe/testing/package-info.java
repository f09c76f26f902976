/** Helpers shared by Lethe's tests and compatibility kits, such as a clock tests can move. */
@NullMarked
package dev.lethe.testing;

import org.jspecify.annotations.NullMarked;
