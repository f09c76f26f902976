/**
 * The clinic domain of the crypto-shredding benchmark: a patient whose e-mail and name, and a
 * note whose text, are stored encrypted with the patient's key (Art. 32(1)(a)).
 */
@NullMarked
package dev.lethe.bench.clinic;

import org.jspecify.annotations.NullMarked;
