/**
 * Checks shared by the rights-request service, legal holds and the breach register: a subject's
 * identifier against the model, and a rectification's values against the field's constraints
 * (Art. 16). Internal: never part of a public signature.
 */
@NullMarked
package dev.lethe.internal.rights;

import org.jspecify.annotations.NullMarked;
