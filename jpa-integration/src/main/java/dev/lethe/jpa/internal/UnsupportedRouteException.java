package dev.lethe.jpa.internal;

/** A route or table layout that native SQL cannot express; reported at start-up with its entity and attribute. */
final class UnsupportedRouteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Class<?> entity;
  private final String attribute;
  private final String fix;

  UnsupportedRouteException(Class<?> entity, String attribute, String problem, String fix) {
    super(problem);
    this.entity = entity;
    this.attribute = attribute;
    this.fix = fix;
  }

  Class<?> entity() {
    return entity;
  }

  String attribute() {
    return attribute;
  }

  String fix() {
    return fix;
  }
}
