/** Access (Art. 15) and portability (Art. 20): the subject report and its JSON and ZIP writers. */
@NullMarked
package dev.lethe.access;

import org.jspecify.annotations.NullMarked;
