/**
 * Taking part in another service's rights requests (Art. 17(2), 19): {@link
 * dev.lethe.participants.Participant} carries out, on this service's own data, the rectifications,
 * erasures and restrictions a coordinator passes on, and answers each with a receipt that holds no
 * personal data. The coordinator's side is {@link dev.lethe.rights.Acknowledgements}; the messages
 * travel through the outbox and a transport (lethe-kafka, lethe-amqp, webhooks).
 */
@NullMarked
package dev.lethe.participants;

import org.jspecify.annotations.NullMarked;
