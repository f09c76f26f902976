package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A type of data subject (Art. 4(1)), such as {@code customer}: its root entity and the identities
 * a rights request may name it by, each mapped to the root's attribute that holds it. The identity
 * {@code id} is always present and maps to the root's identifier.
 *
 * @param name the subject type's name
 * @param root the entity marked {@code @DataSubject}
 * @param identities identity name to attribute of the root, {@code id} first
 * @param identityRules identity name to the Java type of its attribute and how it is compared;
 *     one rule per identity
 */
public record SubjectType(
    String name,
    Class<?> root,
    Map<String, String> identities,
    Map<String, IdentityRule> identityRules) {

  /** The identity every subject has: the root entity's identifier. */
  public static final String ID = "id";

  public SubjectType {
    requireNonNull(name, "name");
    requireNonNull(root, "root");
    identities = ImmutableMap.copyOf(identities);
    identityRules = ImmutableMap.copyOf(identityRules);
    if (!identityRules.keySet().equals(identities.keySet())) {
      throw new IllegalArgumentException(
          "Subject type "
              + name
              + " needs one identity rule per identity: "
              + identities.keySet()
              + ", but has rules for "
              + identityRules.keySet());
    }
  }

  /**
   * A subject type whose identities are compared {@linkplain IdentityMatch#EXACT exactly} and whose
   * attribute types are not known ({@code Object}), so that any value is accepted for them.
   */
  public SubjectType(String name, Class<?> root, Map<String, String> identities) {
    this(name, root, identities, exactRules(identities));
  }

  private static Map<String, IdentityRule> exactRules(Map<String, String> identities) {
    Map<String, IdentityRule> rules = new LinkedHashMap<>();
    identities
        .keySet()
        .forEach(
            identity -> rules.put(identity, new IdentityRule(Object.class, IdentityMatch.EXACT)));
    return rules;
  }

  /** How {@code identity} is typed and compared, if the subject type has that identity. */
  public Optional<IdentityRule> identityRule(String identity) {
    return Optional.ofNullable(identityRules.get(identity));
  }

  /** The root's attribute holding {@code identity}, if the subject type has that identity. */
  public Optional<String> identityAttribute(String identity) {
    return Optional.ofNullable(identities.get(identity));
  }

  /** The root's identifier attribute. */
  public String idAttribute() {
    return identities.get(ID);
  }

  /**
   * The name's hash: equal types have equal names, and the restriction guard keys a map by type on
   * every checked write, where hashing the identity maps would cost more than the lookup.
   */
  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /**
   * How one identity's values are typed and compared when a request names a subject by it
   * (Art. 12(2), 12(6)).
   *
   * @param valueType the Java type of the root's attribute, such as {@code Long} for a numeric id;
   *     {@code Object} when unknown
   * @param match how a requested value is compared with the stored one
   */
  public record IdentityRule(Class<?> valueType, IdentityMatch match) {
    public IdentityRule {
      requireNonNull(valueType, "valueType");
      requireNonNull(match, "match");
    }
  }
}
