/** Erasure (Art. 17): the per-attribute strategies and, built on the model, the plans and receipts of erasing a subject. */
@NullMarked
package dev.lethe.erasure;

import org.jspecify.annotations.NullMarked;
