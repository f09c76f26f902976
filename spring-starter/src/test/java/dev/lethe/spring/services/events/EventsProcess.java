package dev.lethe.spring.services.events;

import java.io.IOException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The events participant as a JVM process of its own, for tests that kill it: starts {@link
 * EventsApplication} with the Spring properties given as arguments ({@code --name=value}), prints
 * {@link #READY} once its context, and with it its broker inbox, has started, and runs until its
 * standard input closes (the test asked it to stop, or the test's JVM is gone) or it is killed.
 */
public final class EventsProcess {

  /** The line printed once the participant takes messages. */
  public static final String READY = "EVENTS PROCESS READY";

  private EventsProcess() {}

  public static void main(String[] args) throws IOException {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(EventsApplication.class)
            .web(WebApplicationType.NONE)
            .run(args);
    System.out.println(READY);
    System.out.flush();
    while (System.in.read() != -1) {
      // Runs until the parent closes the pipe.
    }
    context.close();
    System.exit(0);
  }
}
