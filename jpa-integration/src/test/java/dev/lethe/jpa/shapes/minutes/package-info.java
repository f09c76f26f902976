/**
 * Issue 13 item 4, the second half: rows that many subjects of one type share through a collection.
 * Minutes list their attendees ({@code @ManyToMany}), an action item belongs to the minutes, an
 * attendee lists the workshops they took part in (a {@code @ManyToMany} only the attendee
 * declares), and a household lists its members ({@code @OneToMany(mappedBy)}).
 */
@NullMarked
package dev.lethe.jpa.shapes.minutes;

import org.jspecify.annotations.NullMarked;
