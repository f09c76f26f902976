/**
 * Lethe over Jakarta Persistence and Hibernate ORM: {@link dev.lethe.jpa.JpaPersonalDataStore}
 * discovers the subject graph from the JPA metamodel and implements the personal-data store that
 * access (Art. 15, 20), rectification (Art. 16) and erasure (Art. 17) run through; it is also the
 * retention sweeper (Art. 5(1)(e)) and, built with restrictions, enforces restriction of processing
 * (Art. 18) with Hibernate listeners that throw {@link dev.lethe.jpa.ProcessingRestrictedException}.
 */
@NullMarked
package dev.lethe.jpa;

import org.jspecify.annotations.NullMarked;
