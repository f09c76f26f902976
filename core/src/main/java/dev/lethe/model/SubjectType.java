package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
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
 */
public record SubjectType(String name, Class<?> root, Map<String, String> identities) {

  /** The identity every subject has: the root entity's identifier. */
  public static final String ID = "id";

  public SubjectType {
    requireNonNull(name, "name");
    requireNonNull(root, "root");
    identities = ImmutableMap.copyOf(identities);
  }

  /** The root's attribute holding {@code identity}, if the subject type has that identity. */
  public Optional<String> identityAttribute(String identity) {
    return Optional.ofNullable(identities.get(identity));
  }

  /** The root's identifier attribute. */
  public String idAttribute() {
    return identities.get(ID);
  }
}
