/**
 * The processing guard: {@link dev.lethe.processing.ProcessingGuard} answers, before an application
 * sends a marketing e-mail or runs a profiling job, whether it may process a subject's data for a
 * purpose, and why: the purpose's lawful basis (Art. 6(1)), consent (Art. 7), objection (Art. 21),
 * restriction (Art. 18) and suppression (Art. 21(3)).
 */
@NullMarked
package dev.lethe.processing;

import org.jspecify.annotations.NullMarked;
