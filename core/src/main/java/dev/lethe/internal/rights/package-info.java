/**
 * Checks shared by the rights-request service, legal holds, the breach register, restrictions and
 * objections: a subject's identifier against the model, a rectification's values against the
 * field's constraints (Art. 16), and which requests a restriction or objection may be placed for
 * (Art. 18(1), 21); and the making of the reports that the rights service hands out only for a
 * request it audits (Art. 15, 20). Internal: never part of a public signature.
 */
@NullMarked
package dev.lethe.internal.rights;

import org.jspecify.annotations.NullMarked;
