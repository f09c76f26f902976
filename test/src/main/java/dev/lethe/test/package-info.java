/**
 * The residue check a team puts in its own CI (Art. 17(1), Art. 5(1)(e)): {@link dev.lethe.test.ResidueCheck}
 * snapshots every table of the application's database through JDBC, erases one subject through
 * Lethe, snapshots again, and fails listing every cell that still holds one of the subject's values
 * and every row of someone else that changed. Findings name table, column and row key, never values.
 */
@NullMarked
package dev.lethe.test;

import org.jspecify.annotations.NullMarked;
