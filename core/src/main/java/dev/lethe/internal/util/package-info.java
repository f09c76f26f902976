/**
 * Small argument checks shared by Lethe's public value types. Internal: never part of a public
 * signature.
 */
@NullMarked
package dev.lethe.internal.util;

import org.jspecify.annotations.NullMarked;
