package dev.lethe.rights;

import dev.lethe.request.RightsRequest;
import java.util.Optional;

/**
 * Whether a request that another service carries out, such as a restriction (Art. 18(1)) by {@code
 * Restrictions} or an objection (Art. 21) by {@code Objections}, was carried out. {@link
 * DataSubjectRights#fulfil} asks before it records such a request as fulfilled: marked done while the
 * processing goes on, the request would tell the subject a right was honoured that was not. {@code
 * Lethe.builder(..)} wires one over its restrictions and objections.
 */
@FunctionalInterface
public interface CarriedOut {

  /**
   * What is still to be done for {@code request}, and how, without personal data; empty once it was
   * carried out, or when its type is not one this check knows.
   */
  Optional<String> missing(RightsRequest request);
}
