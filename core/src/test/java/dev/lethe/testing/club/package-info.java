/** A sports club's members: the domain of the consent, objection, restriction and processing-guard tests. */
@NullMarked
package dev.lethe.testing.club;

import org.jspecify.annotations.NullMarked;
