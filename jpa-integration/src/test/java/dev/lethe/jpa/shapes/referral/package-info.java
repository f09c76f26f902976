/**
 * Issue 13 item 3: two associations from one entity to the same subject type, a referral's referrer and the member referred.
 */
@NullMarked
package dev.lethe.jpa.shapes.referral;

import org.jspecify.annotations.NullMarked;
