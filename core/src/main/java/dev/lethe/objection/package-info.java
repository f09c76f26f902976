/**
 * The right to object (Art. 21): {@link dev.lethe.objection.Objections} records a subject's objection
 * to a purpose. Against processing on legitimate interests or a public task it holds until the
 * controller records compelling legitimate grounds (Art. 21(1)); against direct marketing it is
 * absolute, and the subject's contact goes on the suppression list (Art. 21(2), 21(3)).
 */
@NullMarked
package dev.lethe.objection;

import org.jspecify.annotations.NullMarked;
