package dev.lethe.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;

class OpenApiDescriptionTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  @Test
  @DisplayName(
      "The checked-in OpenAPI description documents every endpoint the starter maps, and nothing else")
  void describesEveryEndpointAndNothingElse() throws Exception {
    assertThat(documented()).isEqualTo(mapped()).isNotEmpty();
  }

  /** "METHOD /path" of every operation in the description. */
  @SuppressWarnings("unchecked")
  private static Set<String> documented() throws IOException {
    try (InputStream in =
        OpenApiDescriptionTest.class
            .getClassLoader()
            .getResourceAsStream(LetheWebAutoConfiguration.OPENAPI)) {
      assertThat(in).as(LetheWebAutoConfiguration.OPENAPI).isNotNull();
      Map<String, Object> description = new Yaml().load(in);
      Set<String> operations = new TreeSet<>();
      ((Map<String, Map<String, Object>>) description.get("paths"))
          .forEach(
              (path, item) ->
                  item.keySet().stream()
                      .filter(METHODS::contains)
                      .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
      return operations;
    }
  }

  /** "METHOD /path" of every handler method of the starter's controllers, without the base path. */
  private static Set<String> mapped() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
    Set<String> operations = new TreeSet<>();
    for (BeanDefinition candidate :
        scanner.findCandidateComponents(LetheWebAutoConfiguration.class.getPackageName())) {
      Class<?> controller = Class.forName(candidate.getBeanClassName());
      String prefix =
          AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class).path()[0];
      for (Method method : controller.getDeclaredMethods()) {
        RequestMapping mapping =
            AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        if (mapping != null) {
          String path = prefix + (mapping.path().length == 0 ? "" : mapping.path()[0]);
          operations.add(mapping.method()[0].name() + " " + path);
        }
      }
    }
    return operations;
  }
}
