package dev.lethe.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * The Logback conversion word {@code %letheMasked(..)}: the output of the patterns inside it, with
 * personal data masked by {@link LetheLogMasking} (Art. 5(1)(f), 32). Wrap the message and the
 * throwable, whose messages often carry the offending value too:
 *
 * <pre>{@code
 * <conversionRule conversionWord="letheMasked" class="dev.lethe.logback.MaskedMessageConverter"/>
 * <pattern>%d %-5level %logger{36} : %letheMasked(%msg%n%ex)</pattern>
 * }</pre>
 */
public final class MaskedMessageConverter extends CompositeConverter<ILoggingEvent> {

  @Override
  protected String transform(ILoggingEvent event, String in) {
    return LetheLogMasking.mask(in);
  }
}
