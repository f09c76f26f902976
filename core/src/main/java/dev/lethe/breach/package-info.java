/**
 * The register of personal-data breaches (Art. 33(5)): each breach with when the controller became
 * aware of it, its nature, the categories and approximate numbers of subjects and records, its likely
 * consequences and the measures taken; the notification of the supervisory authority within 72 hours
 * of awareness, with the reasons for any delay (Art. 33(1)); and, where the risk is high, the
 * notification of each subject affected (Art. 34), found from the model and sent through the outbox.
 *
 * <p>Its ports sit beside it: {@link dev.lethe.breach.BreachStore} keeps the register (in memory here,
 * in the database with lethe-jdbc), {@link dev.lethe.breach.BreachNotifier} reaches a subject.
 */
@NullMarked
package dev.lethe.breach;

import org.jspecify.annotations.NullMarked;
