/**
 * Issue 13 item 15: subject roots with subclasses, {@code JOINED} (Member, PremiumMember) and {@code SINGLE_TABLE} (Guest, VipGuest).
 */
@NullMarked
package dev.lethe.jpa.shapes.subclassroot;

import org.jspecify.annotations.NullMarked;
