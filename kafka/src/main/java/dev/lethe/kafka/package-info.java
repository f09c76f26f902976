/**
 * The Kafka transport of Lethe's outbox and its inbound side: {@link dev.lethe.kafka.KafkaOutboxTransport}
 * delivers rights events, receipts and Art. 19 notices to other services (Art. 17(2), 19), {@link
 * dev.lethe.kafka.KafkaInbox} hands what arrives to a {@link dev.lethe.spi.MessageReceiver}, and {@link
 * dev.lethe.kafka.KafkaTopics} creates the keyed, compacted topics from which a tombstone removes a
 * closed request's events (Art. 5(1)(e)).
 */
@NullMarked
package dev.lethe.kafka;

import org.jspecify.annotations.NullMarked;
