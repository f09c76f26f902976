/**
 * Spring Boot auto-configuration for Lethe: add the starter, annotate your entities, set
 * {@code lethe.pseudonym-key}, and the data-subject rights, consent, retention and records are wired.
 */
@NullMarked
package dev.lethe.spring;

import org.jspecify.annotations.NullMarked;
