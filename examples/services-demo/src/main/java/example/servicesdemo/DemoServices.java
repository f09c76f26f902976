package example.servicesdemo;

import example.consultancy.ConsultancyApplication;
import example.events.EventsServiceApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three applications of the demo, running: the consultancy app as the coordinator, and the events
 * service twice as its participants {@code ticketing} and {@code video-meetings} (Art. 17(2), 19), each
 * with its own in-memory database, all talking through one broker. The launcher and the test start
 * them the same way, here.
 *
 * @param consultancy the coordinator, with its privacy centre and admin page
 * @param ticketing the ticketing service
 * @param videoMeetings the video-meetings service
 */
public record DemoServices(
    ConfigurableApplicationContext consultancy,
    ConfigurableApplicationContext ticketing,
    ConfigurableApplicationContext videoMeetings)
    implements AutoCloseable {

  /**
   * Starts the participants, then the coordinator.
   *
   * @param broker the properties that connect every service to the broker ({@code lethe.services.kafka.*}
   *     or {@code lethe.services.amqp.*}), or none when {@code profiles} name the broker
   * @param profiles further profiles of every service, such as {@code rabbitmq}
   * @param port the consultancy app's HTTP port; 0 for any free one
   */
  public static DemoServices start(Map<String, Object> broker, List<String> profiles, int port) {
    Map<String, Object> common = new HashMap<>(broker);
    // One JVM, one logging system: the name it would print is the first service's on every line.
    common.put("logging.include-application-name", false);
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    try {
      // Participants first: their inboxes are listening by the time the coordinator's first notice
      // leaves.
      ConfigurableApplicationContext ticketing = participant("ticketing", common, profiles);
      started.add(ticketing);
      ConfigurableApplicationContext videoMeetings =
          participant("video-meetings", common, profiles);
      started.add(videoMeetings);
      Map<String, Object> properties = new HashMap<>(common);
      properties.put("server.port", port);
      List<String> coordinatorProfiles = new ArrayList<>(List.of("services"));
      coordinatorProfiles.addAll(profiles);
      ConfigurableApplicationContext consultancy =
          new SpringApplicationBuilder(ConsultancyApplication.class)
              .profiles(coordinatorProfiles.toArray(String[]::new))
              .properties(properties)
              .run();
      return new DemoServices(consultancy, ticketing, videoMeetings);
    } catch (RuntimeException e) {
      started.forEach(ConfigurableApplicationContext::close);
      throw e;
    }
  }

  private static ConfigurableApplicationContext participant(
      String name, Map<String, Object> common, List<String> profiles) {
    List<String> participantProfiles = new ArrayList<>(List.of(name));
    participantProfiles.addAll(profiles);
    Map<String, Object> properties = new HashMap<>(common);
    properties.putAll(EventsServiceApplication.CONFIG_NAME);
    return new SpringApplicationBuilder(EventsServiceApplication.class)
        .profiles(participantProfiles.toArray(String[]::new))
        .properties(properties)
        .run();
  }

  /** The consultancy app's HTTP port. */
  public int port() {
    return Integer.parseInt(consultancy.getEnvironment().getRequiredProperty("local.server.port"));
  }

  /** Stops the coordinator, then the participants. */
  @Override
  public void close() {
    consultancy.close();
    ticketing.close();
    videoMeetings.close();
  }
}
