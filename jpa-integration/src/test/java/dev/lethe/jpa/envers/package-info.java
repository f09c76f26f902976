/** A lending library audited by Hibernate Envers: history rows that erasure and retention must reach too. */
@NullMarked
package dev.lethe.jpa.envers;

import org.jspecify.annotations.NullMarked;
