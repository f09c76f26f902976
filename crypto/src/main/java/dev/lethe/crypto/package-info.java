/**
 * Crypto-shredding (Art. 17(1), 32(1)(a)): per-subject data keys made with Google Tink, kept wrapped
 * by a key-encryption key in Lethe's {@code lethe_subject_key} table, so that erasing a subject
 * destroys its key and every copy of its encrypted attributes becomes unreadable. The JPA store
 * applies them to {@code @Encrypted} attributes; see {@link dev.lethe.crypto.SubjectKeys}.
 */
@NullMarked
package dev.lethe.crypto;

import org.jspecify.annotations.NullMarked;
