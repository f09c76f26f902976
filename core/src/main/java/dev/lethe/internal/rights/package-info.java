/**
 * The workings of the rights-request service: the request lifecycle and its rules (Art. 12), and
 * the in-memory {@link dev.lethe.spi.RequestStore}. Internal: never part of a public signature.
 */
@NullMarked
package dev.lethe.internal.rights;

import org.jspecify.annotations.NullMarked;
