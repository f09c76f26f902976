package example.consultancy;

import dev.lethe.spring.RecipientNotificationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Passes each erasure, rectification and restriction on to the processor it names (Art. 19, 28):
 * Lethe's outbox delivers every notice here at least once, with a key that stays the same across
 * retries. A real application would call the processor's deletion API or e-mail its privacy contact,
 * and remember the keys it has acted on; the example logs that it did, without the person.
 */
@Component
class ProcessorNotices {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessorNotices.class);

  @EventListener
  void tell(RecipientNotificationEvent notice) {
    LOG.info(
        "Told processor {} of the {} of request {} (notice {})",
        notice.recipient(),
        notice.notification().change(),
        notice.notification().requestId(),
        notice.idempotencyKey());
  }
}
