package dev.lethe.logback;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import jakarta.persistence.EntityManagerFactory;
import java.time.temporal.Temporal;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Feeds the {@code @PersonalData} values of every entity Hibernate loads to
 * {@link RecentPersonalValues} (Art. 5(1)(f), 32): what the application has just loaded is what it
 * is about to log, so a name printed in free text ({@code "Welcome back, Dan Dixon"}) is masked too,
 * not only names printed next to their attribute. Lazy collections are not loaded for it.
 */
public final class HibernateLoadedValues implements PostLoadEventListener {

  private final PersonalDataModel model;
  private final RecentPersonalValues recent;

  private HibernateLoadedValues(PersonalDataModel model, RecentPersonalValues recent) {
    this.model = requireNonNull(model, "model");
    this.recent = requireNonNull(recent, "recent");
  }

  /** Registers the listener on the factory, feeding {@code recent}. */
  public static HibernateLoadedValues register(
      EntityManagerFactory factory, PersonalDataModel model, RecentPersonalValues recent) {
    HibernateLoadedValues listener = new HibernateLoadedValues(model, recent);
    factory
        .unwrap(SessionFactoryImplementor.class)
        .getEventListenerRegistry()
        .appendListeners(EventType.POST_LOAD, listener);
    return listener;
  }

  /** Registers the listener on the factory, feeding the registry of {@link LetheLogMasking}. */
  public static HibernateLoadedValues register(
      EntityManagerFactory factory, PersonalDataModel model) {
    return register(factory, model, LetheLogMasking.recentValues());
  }

  @Override
  public void onPostLoad(PostLoadEvent event) {
    Object entity = event.getEntity();
    EntityPersister persister = event.getPersister();
    Optional<EntityDescriptor> descriptor = descriptorOf(persister.getMappedClass());
    if (entity == null || descriptor.isEmpty()) {
      return;
    }
    for (FieldDescriptor field : descriptor.get().fields()) {
      rememberValue(valueOf(persister, entity, field));
    }
  }

  private Optional<EntityDescriptor> descriptorOf(Class<?> type) {
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      Optional<EntityDescriptor> descriptor = model.entity(current);
      if (descriptor.isPresent()) {
        return descriptor;
      }
    }
    return Optional.empty();
  }

  private static @Nullable Object valueOf(
      EntityPersister persister, Object entity, FieldDescriptor field) {
    try {
      return persister.getPropertyValue(entity, field.name());
    } catch (RuntimeException notMapped) {
      // An attribute Hibernate maps differently (or not at all) is masked by its name alone.
      return null;
    }
  }

  private void rememberValue(@Nullable Object value) {
    if (value == null || !Hibernate.isInitialized(value)) {
      return;
    }
    if (value instanceof Iterable<?> elements) {
      elements.forEach(
          element -> {
            if (element != null) {
              recent.remember(element);
            }
          });
    } else if (value instanceof CharSequence
        || value instanceof Number
        || value instanceof Temporal) {
      recent.remember(value);
    }
  }
}
