/** Members named by an e-mail (compared ignoring case and spaces) and by an exact handle, one of them soft-deleted. */
@NullMarked
package dev.lethe.jpa.identities;

import org.jspecify.annotations.NullMarked;
