/**
 * The built-in {@link dev.lethe.spi.Transactions}: none at all. Internal: never part of a public
 * signature.
 */
@NullMarked
package dev.lethe.internal.transaction;

import org.jspecify.annotations.NullMarked;
