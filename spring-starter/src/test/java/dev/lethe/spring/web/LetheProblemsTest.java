package dev.lethe.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.request.RectificationRejectedException;
import dev.lethe.spring.shop.Customer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

class LetheProblemsTest {

  @Test
  @DisplayName(
      "Art. 16: a rejected rectification is a 422 problem naming the attributes and constraints, not the values")
  void rectificationRejected() {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/lethe/admin/requests/ada@example.com");
    request.setAttribute(
        HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/lethe/admin/requests/{id}");
    request.setAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "ada@example.com"));
    ResponseEntity<ProblemDetail> response =
        new LetheProblems()
            .rectificationRejected(
                new RectificationRejectedException(
                    Customer.class,
                    List.of(
                        new RectificationRejectedException.Violation(
                            "email", "must be a well-formed email address"))),
                request);

    assertThat(response.getStatusCode().value()).isEqualTo(422);
    ProblemDetail problem = response.getBody();
    assertThat(problem.getProperties()).containsEntry("attributes", List.of("email"));
    assertThat(problem.getDetail()).contains("email must be a well-formed email address");
    assertThat(problem.getInstance()).hasToString("/lethe/admin/requests");
  }

  @Test
  @DisplayName("The instance is the path called when it holds ids and names only, unescaped")
  void instanceIsThePath() {
    MockHttpServletRequest request =
        new MockHttpServletRequest(
            "POST", "/lethe/admin/requests/0b7e5a52-3d38-4a52-9a0e-6f3f5b1c2d4e/verify");
    request.setAttribute(
        HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/lethe/admin/requests/{id}/verify");
    request.setAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
        Map.of("id", "0b7e5a52-3d38-4a52-9a0e-6f3f5b1c2d4e"));

    assertThat(LetheProblems.instance(request))
        .hasToString("/lethe/admin/requests/0b7e5a52-3d38-4a52-9a0e-6f3f5b1c2d4e/verify");
  }
}
