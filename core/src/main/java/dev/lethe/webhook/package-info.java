/**
 * The HTTP webhook transport of the outbox, for processors (Art. 28) and recipients (Art. 19) that
 * expose an HTTPS endpoint: {@link dev.lethe.webhook.WebhookTransport} POSTs each message signed with
 * the destination's shared secret, and {@link dev.lethe.webhook.WebhookSignature} lets the receiving
 * side verify it. Retries and back-off come from {@link dev.lethe.outbox.OutboxDispatcher}. JDK only.
 */
@NullMarked
package dev.lethe.webhook;

import org.jspecify.annotations.NullMarked;
