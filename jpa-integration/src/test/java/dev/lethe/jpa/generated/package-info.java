/**
 * A generator of JPA domains and random populations for property trials of the JPA store: Java
 * sources written from a random {@link dev.lethe.jpa.generated.Domain shape}, compiled at test time,
 * bootstrapped on the test database, and checked by four oracles per trial (see
 * {@code GeneratedDomainsIT}).
 */
@NullMarked
package dev.lethe.jpa.generated;

import org.jspecify.annotations.NullMarked;
