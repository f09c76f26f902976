/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.outbox;

import org.jspecify.annotations.NullMarked;
