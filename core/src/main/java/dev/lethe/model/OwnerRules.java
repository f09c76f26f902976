package dev.lethe.model;

import static dev.lethe.model.ProblemText.NO_SUBJECT_REACHED;
import static dev.lethe.model.ProblemText.OWNER_NAMES_NO_ONE_ROUTE;
import static dev.lethe.model.ProblemText.OWNER_UNNAMED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whose data each attribute is: every entity with personal data reaches a subject, and where it
 * reaches several, each attribute names the one whose data it is (Art. 15, 17: one subject's request
 * must neither show nor erase another's data).
 */
final class OwnerRules {

  private final Problems problems;

  OwnerRules(Problems problems) {
    this.problems = problems;
  }

  /**
   * The attributes with their owner resolved to a route name. Where the entity reaches several
   * subjects, every attribute must name one; a name must match exactly one route.
   */
  List<FieldDescriptor> owners(
      Class<?> type, List<FieldDescriptor> fields, List<SubjectRoute> routes) {
    List<FieldDescriptor> resolved = new ArrayList<>();
    String listed =
        ProblemText.namesOrNone(
            routes.stream()
                .map(route -> "'" + route.name() + "' (" + route.subjectType() + ")")
                .toList());
    for (FieldDescriptor field : fields) {
      String location = type.getName() + "." + field.name();
      if (field.owner().isEmpty()) {
        if (routes.size() > 1) {
          problems.report(OWNER_UNNAMED, location, type.getSimpleName(), routes.size(), listed);
        }
        resolved.add(field);
        continue;
      }
      String named = field.owner().get();
      List<SubjectRoute> matching = RouteFinder.routesNamed(routes, named);
      if (matching.size() != 1) {
        problems.report(
            OWNER_NAMES_NO_ONE_ROUTE,
            location,
            named,
            ProblemText.routeCount(matching.size()),
            type.getSimpleName(),
            listed);
        resolved.add(field.withOwner(Optional.empty()));
        continue;
      }
      resolved.add(field.withOwner(Optional.of(matching.get(0).name())));
    }
    return resolved;
  }

  /**
   * Reports {@code type} if it holds personal data but reaches no subject: no route, not a root, and
   * no {@code @SubjectLink} (a class with a link that failed has had its problem reported already).
   */
  void checkReachable(
      Class<?> type,
      List<FieldDescriptor> personalData,
      List<SubjectRoute> routes,
      boolean isRoot,
      boolean declaresLink) {
    if (!personalData.isEmpty() && routes.isEmpty() && !isRoot && !declaresLink) {
      problems.report(NO_SUBJECT_REACHED, type.getName(), type.getSimpleName());
    }
  }
}
