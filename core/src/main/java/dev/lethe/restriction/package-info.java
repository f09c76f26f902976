/**
 * The right to restriction of processing (Art. 18): {@link dev.lethe.restriction.Restrictions}
 * restricts a subject's data on a ground of Art. 18(1), so that it is only stored (Art. 18(2)), tells
 * the subject before lifting it (Art. 18(3)), and passes both on to recipients (Art. 19).
 */
@NullMarked
package dev.lethe.restriction;

import org.jspecify.annotations.NullMarked;
