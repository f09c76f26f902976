/**
 * Masked logs (Art. 5(1)(f), 32): a Logback converter, {@code %letheMasked(..)}, that hides the
 * values of {@code @PersonalData} attributes and subject identities in what the application logs,
 * driven by the personal-data model.
 */
@NullMarked
package dev.lethe.logback;

import org.jspecify.annotations.NullMarked;
