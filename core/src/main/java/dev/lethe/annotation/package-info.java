/** The annotations that declare personal data, data subjects, retention and processing purposes on domain classes. They name no implementation. */
@NullMarked
package dev.lethe.annotation;

import org.jspecify.annotations.NullMarked;
