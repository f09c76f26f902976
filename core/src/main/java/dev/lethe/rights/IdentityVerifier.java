package dev.lethe.rights;

import dev.lethe.request.RightsRequest;

/**
 * Decides whether the controller must confirm a requester's identity before acting on a request
 * (Art. 12(6): where it has reasonable doubts, it may ask for more information). {@link
 * DataSubjectRights} asks once, on submission, and records the answer on the request; a request
 * that needs the check cannot be fulfilled until {@link DataSubjectRights#verify} records how the
 * identity was confirmed.
 */
@FunctionalInterface
public interface IdentityVerifier {

  /**
   * Whether {@code request} needs an identity check before it is fulfilled. The request is the one
   * being submitted; its own {@code verificationRequired()} is not decided yet and must not be read.
   */
  boolean requiresVerification(RightsRequest request);

  /** Every request needs an identity check: the safe default, since answering an impostor discloses data. */
  static IdentityVerifier always() {
    return request -> true;
  }

  /** No request needs an identity check, such as when requests only come from authenticated users. */
  static IdentityVerifier never() {
    return request -> false;
  }
}
