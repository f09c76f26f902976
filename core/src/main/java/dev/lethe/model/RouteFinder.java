package dev.lethe.model;

import com.google.common.collect.ImmutableList;
import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.model.PersonalDataModel.Association;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds how each entity's rows reach their subjects: through associations to a subject's root, or
 * to a {@code @SubjectLink} holding one of its identities. A request (Art. 15, 17) follows these
 * routes to find a subject's rows.
 */
final class RouteFinder {

  /** The longest chain of associations a route follows. */
  private static final int MAX_HOPS = 6;

  private final Map<Class<?>, SubjectType> rootsByClass;
  private final Map<Class<?>, List<Field>> links;
  private final Map<Class<?>, List<Association>> associations;

  /** A finder over the subject types' roots, the valid links per class and the associations per class. */
  RouteFinder(
      Map<Class<?>, SubjectType> rootsByClass,
      Map<Class<?>, List<Field>> links,
      Map<Class<?>, List<Association>> associations) {
    this.rootsByClass = rootsByClass;
    this.links = links;
    this.associations = associations;
  }

  /**
   * Every route from {@code type} to a subject: one per simple path of associations (no entity
   * visited twice) that ends at a subject root or a {@code @SubjectLink}, so that two associations to
   * one subject type ({@code referrer}, {@code referred}) are two routes. The search stops at subject
   * roots: what reaches another subject's root through a root is that root's business. Paths longer
   * than {@value #MAX_HOPS} associations are not followed.
   */
  List<SubjectRoute> routesFrom(Class<?> type) {
    Map<String, SubjectRoute> routes = new LinkedHashMap<>();
    record Walk(Class<?> node, ImmutableList<String> path, Set<Class<?>> seen) {}
    Deque<Walk> queue = new ArrayDeque<>();
    queue.add(new Walk(type, ImmutableList.of(), Set.of(type)));
    while (!queue.isEmpty()) {
      Walk next = queue.removeFirst();
      Optional<SubjectType> root = rootOf(next.node());
      if (root.isPresent()) {
        SubjectRoute route =
            new SubjectRoute(
                root.get().name(), append(next.path(), root.get().idAttribute()), SubjectType.ID);
        routes.putIfAbsent(route.name(), route);
        continue;
      }
      for (Field link : links.getOrDefault(next.node(), List.of())) {
        SubjectLink annotation = link.getAnnotation(SubjectLink.class);
        ImmutableList<String> path = append(next.path(), link.getName());
        SubjectRoute route =
            new SubjectRoute(
                annotation.subject(), path, annotation.identity(), String.join(".", path));
        routes.putIfAbsent(route.name(), route);
      }
      if (next.path().size() >= MAX_HOPS) {
        continue;
      }
      for (Association association : associations.getOrDefault(next.node(), List.of())) {
        if (next.seen().contains(association.to())) {
          continue;
        }
        Set<Class<?>> seen = new HashSet<>(next.seen());
        seen.add(association.to());
        queue.addLast(
            new Walk(association.to(), append(next.path(), association.attribute()), seen));
      }
    }
    return List.copyOf(routes.values());
  }

  /**
   * The subject type {@code type} is the root of: its own {@code @DataSubject}, or its superclass's,
   * since a subclass of a root ({@code PremiumMember} of {@code Member}) holds subjects of the same
   * type, in the root's table hierarchy.
   */
  Optional<SubjectType> rootOf(Class<?> type) {
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      SubjectType root = rootsByClass.get(current);
      if (root != null) {
        return Optional.of(root);
      }
      if (current != type && current.isAnnotationPresent(DataSubject.class)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The routes {@code named} names: the one of that name, else those to that subject type or by that association. */
  static List<SubjectRoute> routesNamed(List<SubjectRoute> routes, String named) {
    List<SubjectRoute> matching =
        routes.stream().filter(route -> route.name().equals(named)).toList();
    return !matching.isEmpty()
        ? matching
        : routes.stream()
            .filter(route -> route.subjectType().equals(named) || route.path().get(0).equals(named))
            .toList();
  }

  private static ImmutableList<String> append(ImmutableList<String> path, String attribute) {
    return ImmutableList.<String>builderWithExpectedSize(path.size() + 1)
        .addAll(path)
        .add(attribute)
        .build();
  }
}
