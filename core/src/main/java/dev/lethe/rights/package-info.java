/**
 * Data-subject rights requests (Chapter III GDPR): {@link dev.lethe.rights.DataSubjectRights}
 * receives a request, checks the subject's identity where needed (Art. 12(6)), keeps the Art. 12(3)
 * deadline and its single extension, records refusals with their reasons and remedies (Art. 12(4)
 * and 12(5)), and audits every step; {@link dev.lethe.rights.RecipientNotifications} passes
 * rectifications, erasures and restrictions on to recipients (Art. 19).
 */
@NullMarked
package dev.lethe.rights;

import org.jspecify.annotations.NullMarked;
