package dev.lethe.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.lethe.amqp.AmqpOutboxTransport;
import dev.lethe.spi.OutboxTransport;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link BrokerDispatch} over RabbitMQ: the local broker (127.0.0.1:5672, guest), an exchange of the
 * trial's own, and the destination's durable queue bound as an inbox binds it, emptied before each
 * invocation, untimed; exchange and queue deleted after the trial.
 */
public class AmqpDispatchBenchmark extends BrokerDispatch {

  private final String exchange = "lethe-bench-" + UUID.randomUUID();
  private @Nullable Connection admin;
  private @Nullable Channel channel;
  private @Nullable AmqpOutboxTransport transport;

  /** Declares the exchange and the destination's queue, and opens the transport. */
  @Setup(Level.Trial)
  public void open() throws IOException, TimeoutException {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(5672);
    factory.setUsername("guest");
    factory.setPassword("guest");
    admin = factory.newConnection("lethe-bench-admin");
    channel = admin.createChannel();
    channel.exchangeDeclare(exchange, "direct", true);
    channel.queueDeclare(queue(), true, false, false, null);
    channel.queueBind(queue(), exchange, DESTINATION);
    transport = AmqpOutboxTransport.builder(factory).exchange(exchange).build();
  }

  /** Empties the destination's queue of the last invocation's messages, untimed. */
  @Setup(Level.Invocation)
  public void purge() throws IOException {
    ErasureBenchmark.open(channel).queuePurge(queue());
  }

  /** Closes the transport, deletes the queue and the exchange. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (transport != null) {
      transport.close();
    }
    if (channel != null) {
      channel.queueDelete(queue());
      channel.exchangeDelete(exchange);
    }
    if (admin != null) {
      admin.close();
    }
  }

  @Override
  OutboxTransport transport() {
    return ErasureBenchmark.open(transport);
  }

  /** The destination's queue, named as {@link dev.lethe.amqp.AmqpInbox} names it. */
  private String queue() {
    return exchange + "." + DESTINATION;
  }
}
