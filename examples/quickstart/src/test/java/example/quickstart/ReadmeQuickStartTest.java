package example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's "Quick start (Spring Boot)" quotes this module: its dependency block is the
 * application's whole list of dependencies, and its entity and first call are these source files.
 * Compared with whitespace normalised, so that indentation may differ but no word.
 */
class ReadmeQuickStartTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path README = MODULE.resolve("../../README.md").normalize();
  private static final Pattern FENCED =
      Pattern.compile("^```(\\w+)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

  private record Block(String language, String text) {}

  @Test
  @DisplayName(
      "The README's dependency block is this application's whole list of dependencies, the tests' aside")
  void theDependencyBlockIsTheApplicationsDependencies() throws Exception {
    List<Block> xml =
        quickStart().stream().filter(block -> block.language().equals("xml")).toList();
    assertThat(xml).as("one xml block in the quick start").hasSize(1);
    String pom = Files.readString(MODULE.resolve("pom.xml"));

    assertThat(normalised(pom)).contains(normalised(xml.get(0).text()));
    assertThat(dependencies(pom, false))
        .isEqualTo(dependencies("<project>" + xml.get(0).text() + "</project>", true));
  }

  @Test
  @DisplayName(
      "The README's entity and first call are this module's Customer and PrivacyRequests, from the first annotation to the end")
  void theJavaBlocksAreTheSources() throws IOException {
    List<Block> java =
        quickStart().stream().filter(block -> block.language().equals("java")).toList();
    assertThat(java).as("the entity and the first call").hasSize(2);

    assertThat(normalised(source("Customer"))).endsWith(normalised(java.get(0).text()));
    assertThat(normalised(source("PrivacyRequests"))).endsWith(normalised(java.get(1).text()));
    assertThat(java.get(0).text()).startsWith("@Entity");
    assertThat(java.get(1).text()).startsWith("@Service");
  }

  /** The fenced blocks of the README's section "Quick start (Spring Boot)", in order. */
  private static List<Block> quickStart() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Quick start (Spring Boot)\n");
    assertThat(start).as("README has a section \"Quick start (Spring Boot)\"").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<Block> blocks = new ArrayList<>();
    for (Matcher block = FENCED.matcher(section); block.find(); ) {
      blocks.add(new Block(block.group(1), block.group(2)));
    }
    return blocks;
  }

  private static String source(String type) throws IOException {
    return Files.readString(MODULE.resolve("src/main/java/example/quickstart/" + type + ".java"));
  }

  private static String normalised(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  /** {@code groupId:artifactId:version:scope} of each dependency; test dependencies only {@code withTests}. */
  private static List<String> dependencies(String xml, boolean withTests) throws Exception {
    var document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList found = document.getElementsByTagName("dependency");
    List<String> dependencies = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      Element dependency = (Element) found.item(i);
      String scope = text(dependency, "scope");
      if (withTests || !scope.equals("test")) {
        dependencies.add(
            String.join(
                ":",
                text(dependency, "groupId"),
                text(dependency, "artifactId"),
                text(dependency, "version"),
                scope));
      }
    }
    return dependencies;
  }

  private static String text(Element element, String child) {
    NodeList children = element.getElementsByTagName(child);
    return children.getLength() == 0 ? "" : children.item(0).getTextContent().strip();
  }
}
