package dev.lethe.spring;

import dev.lethe.spi.Notification;
import dev.lethe.spi.RecipientNotifier;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.context.event.GenericApplicationListenerAdapter;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * The starter's default {@link RecipientNotifier}: publishes a {@link RecipientNotificationEvent}
 * (Art. 19). Publishing to nobody is not delivering: it {@linkplain #canDeliver() can deliver} only
 * while a listener for that event type exists, so that the outbox keeps the notices pending
 * otherwise, and it warns at start-up when there is none.
 */
final class SpringEventRecipientNotifier
    implements RecipientNotifier, ApplicationListener<ContextRefreshedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(SpringEventRecipientNotifier.class);
  private static final ResolvableType NOTICE =
      ResolvableType.forClassWithGenerics(
          PayloadApplicationEvent.class, RecipientNotificationEvent.class);
  // A listener that also takes this private type listens to every event (a logger, a bridge to a
  // bus): it does not show that anyone acts on a notice.
  private static final ResolvableType ANY =
      ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, Probe.class);

  private final ApplicationContext context;
  private final Supplier<Set<String>> recipients;
  private volatile boolean receiverFound;

  /**
   * @param recipients the recipients whose notices this notifier carries: those the processing
   *     declares, less those reached through a broker or a webhook
   */
  SpringEventRecipientNotifier(ApplicationContext context, Supplier<Set<String>> recipients) {
    this.context = context;
    this.recipients = recipients;
  }

  @Override
  public void notifyRecipient(String recipient, Notification notification) {
    context.publishEvent(new RecipientNotificationEvent(recipient, notification));
  }

  @Override
  public boolean canDeliver() {
    return receiverFound;
  }

  /** Looks for a listener once every listener is registered, and warns when there is none. */
  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    if (event.getApplicationContext() != context) {
      return;
    }
    receiverFound = hasReceiver();
    // Nothing to warn about when every declared recipient is reached some other way, or none is
    // declared.
    if (!receiverFound && !recipients.get().isEmpty()) {
      LOG.warn(
          "Lethe's default recipient notifier publishes RecipientNotificationEvent, but no listener receives"
              + " it: Art. 19 notices to recipients stay pending in the outbox until one does. Add an @EventListener"
              + " for RecipientNotificationEvent, or define a RecipientNotifier bean.");
    }
  }

  private boolean hasReceiver() {
    Collection<ApplicationListener<?>> registered =
        context instanceof AbstractApplicationContext abstractContext
            ? abstractContext.getApplicationListeners()
            : List.of();
    // @EventListener methods are registered on the context; listener beans are found by type.
    @SuppressWarnings("rawtypes")
    Collection<ApplicationListener> beans =
        context.getBeansOfType(ApplicationListener.class, false, false).values();
    return Stream.concat(
            registered.stream(), beans.stream().map(listener -> (ApplicationListener<?>) listener))
        .anyMatch(listener -> supports(listener, NOTICE) && !supports(listener, ANY));
  }

  private static boolean supports(ApplicationListener<?> listener, ResolvableType type) {
    GenericApplicationListener generic =
        listener instanceof GenericApplicationListener already
            ? already
            : new GenericApplicationListenerAdapter(listener);
    return generic.supportsEventType(type);
  }

  private record Probe() {}
}
