package dev.lethe.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.rights.RectificationRejectedException;
import dev.lethe.spring.shop.Customer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class LetheProblemsTest {

  @Test
  @DisplayName("Art. 16: a rejected rectification is a 422 problem naming the attributes and constraints, not the values")
  void rectificationRejected() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/lethe/admin/requests/ada@example.com");
    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/lethe/admin/requests/{id}");
    ResponseEntity<ProblemDetail> response = new LetheProblems().rectificationRejected(
        new RectificationRejectedException(Customer.class,
            List.of(new RectificationRejectedException.Violation("email", "must be a well-formed email address"))),
        request);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    ProblemDetail problem = response.getBody();
    assertThat(problem.getProperties()).containsEntry("attributes", List.of("email"));
    assertThat(problem.getDetail()).contains("email must be a well-formed email address");
    assertThat(problem.getInstance()).hasToString("/lethe/admin/requests/%7Bid%7D");
  }
}
