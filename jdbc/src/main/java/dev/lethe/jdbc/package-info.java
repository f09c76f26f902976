/**
 * Durable JDBC implementations of Lethe's store SPIs (requests, audit, legal holds, suppression,
 * retention runs) and the Flyway migrations of their tables, kept in their own history table.
 * They make the accountability of Art. 5(2) survive a restart.
 */
@NullMarked
package dev.lethe.jdbc;

import org.jspecify.annotations.NullMarked;
