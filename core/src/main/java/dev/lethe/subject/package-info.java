/**
 * Who a piece of personal data is about: the data subject's identity as the application names it
 * ({@link dev.lethe.subject.SubjectIdentifier}), as a store keys its rows ({@link
 * dev.lethe.subject.SubjectKey}), and as the audit and the ledgers hold it, a keyed pseudonym
 * ({@link dev.lethe.subject.SubjectPseudonym}, made by the {@link dev.lethe.subject.Pseudonymizer};
 * Art. 4(5), Art. 32). Everything that names a subject depends on this package and on nothing above
 * the model.
 */
@NullMarked
package dev.lethe.subject;

import org.jspecify.annotations.NullMarked;
