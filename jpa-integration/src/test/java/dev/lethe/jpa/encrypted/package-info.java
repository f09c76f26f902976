/** Patients whose e-mail, diagnosis and notes are stored encrypted with the patient's own key, and mappings that cannot be. */
@NullMarked
package dev.lethe.jpa.encrypted;

import org.jspecify.annotations.NullMarked;
