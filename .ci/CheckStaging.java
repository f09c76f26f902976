import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a local deploy of Lethe (java .ci/CheckStaging.java target/staging): every module of the
 * build except the examples and benchmarks is deployed; each jar artifact has its pom, jar, sources
 * and javadoc, and a pom with the metadata Maven Central asks for; the BOM lists exactly the jar
 * artifacts, at the version deployed, and manages nothing else; nothing unpublished was deployed.
 * Every problem is listed, then the check fails.
 */
public class CheckStaging {

  private static final String GROUP_PATH = "dev/lethe";
  private static final Set<String> NOT_PUBLISHED = Set.of("examples", "benchmarks");

  public static void main(String[] args) throws Exception {
    Path repository = Path.of(args.length > 0 ? args[0] : "target/staging");
    Path root = Path.of(args.length > 1 ? args[1] : ".");
    List<String> problems = new ArrayList<>();
    Element rootPom = read(root.resolve("pom.xml"));
    String version = text(rootPom, "version");

    Set<String> expected = new TreeSet<>();
    expected.add(text(rootPom, "artifactId"));
    for (Element module : children(child(rootPom, "modules"), "module")) {
      if (!NOT_PUBLISHED.contains(module.getTextContent().trim())) {
        expected.add(text(read(root.resolve(module.getTextContent().trim()).resolve("pom.xml")), "artifactId"));
      }
    }
    Set<String> deployed = new TreeSet<>();
    Path group = repository.resolve(GROUP_PATH);
    if (Files.isDirectory(group)) {
      try (Stream<Path> artifacts = Files.list(group)) {
        artifacts.filter(Files::isDirectory).forEach(path -> deployed.add(path.getFileName().toString()));
      }
    }
    for (String artifact : expected) {
      if (!deployed.contains(artifact)) {
        problems.add(artifact + ": not deployed to " + group);
      }
    }
    for (String artifact : deployed) {
      if (!expected.contains(artifact)) {
        problems.add(artifact + ": deployed, but it is no published module (examples and benchmarks set maven.deploy.skip)");
      }
    }

    Set<String> jars = new TreeSet<>();
    Set<String> listedInBom = new TreeSet<>();
    for (String artifact : deployed) {
      Path directory = group.resolve(artifact).resolve(version);
      List<String> files = list(directory);
      Path pom = newest(directory, files, artifact, ".pom");
      if (pom == null) {
        problems.add(artifact + ": no pom in " + directory);
        continue;
      }
      Element project = read(pom);
      String packaging = text(project, "packaging");
      for (String element : List.of("name", "description", "url")) {
        if (inheritedText(project, element, rootPom).isBlank()) {
          problems.add(artifact + ": the pom has no <" + element + ">");
        }
      }
      if (packaging.isEmpty() || packaging.equals("jar")) {
        jars.add(artifact);
        for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
          if (newest(directory, files, artifact, suffix) == null) {
            problems.add(artifact + ": no " + suffix.substring(1) + " in " + directory);
          }
        }
      }
      if (artifact.equals("lethe-bom")) {
        if (child(project, "parent") != null) {
          problems.add("lethe-bom: the published BOM has a parent, so importing it would bring the parent's management too");
        }
        Element management = child(project, "dependencyManagement");
        for (Element dependency : children(management == null ? null : child(management, "dependencies"), "dependency")) {
          String listed = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
          String listedVersion = text(dependency, "version");
          if (!text(dependency, "groupId").equals("dev.lethe")) {
            problems.add("lethe-bom manages " + listed + ", which is not Lethe's");
          } else if (!listedVersion.equals(version) && !listedVersion.equals("${project.version}")) {
            problems.add("lethe-bom lists " + listed + " at " + listedVersion + ", not " + version);
          }
          listedInBom.add(text(dependency, "artifactId"));
        }
      }
    }
    for (String jar : jars) {
      if (!listedInBom.contains(jar)) {
        problems.add(jar + ": deployed, but lethe-bom does not list it (add it to bom/pom.xml)");
      }
    }
    for (String listed : listedInBom) {
      if (!jars.contains(listed)) {
        problems.add("lethe-bom lists " + listed + ", which is not a deployed jar");
      }
    }

    if (!problems.isEmpty()) {
      System.err.println("The local deploy in " + repository + " is not ready to publish:");
      problems.forEach(problem -> System.err.println("  - " + problem));
      System.exit(1);
    }
    System.out.println("Local deploy checked: " + deployed.size() + " artifacts at " + version + " (" + jars.size()
        + " jars with sources and javadoc, all in lethe-bom)");
  }

  private static List<String> list(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  /** A release file is artifact-version.suffix; a snapshot's carry a timestamp instead: the last one wins. */
  private static Path newest(Path directory, List<String> files, String artifact, String suffix) {
    String chosen = null;
    for (String file : files) {
      String rest = file.startsWith(artifact + "-") && file.endsWith(suffix)
          ? file.substring(artifact.length() + 1, file.length() - suffix.length()) : null;
      if (rest != null && !rest.contains("-sources") && !rest.contains("-javadoc") && !rest.contains("-tests")
          && rest.matches("[0-9][^a-z]*(-SNAPSHOT)?|.*-[0-9]{8}\\.[0-9]{6}-[0-9]+")) {
        chosen = file;
      }
    }
    return chosen == null ? null : directory.resolve(chosen);
  }

  private static Element read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(pom.toFile());
    return document.getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent != null) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element element && element.getTagName().equals(name)) {
          found.add(element);
        }
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    if (element == null && (name.equals("version") || name.equals("groupId"))) {
      element = child(child(parent, "parent"), name);
    }
    return element == null ? "" : element.getTextContent().trim();
  }

  /** A module's pom may leave url to the parent, which is deployed too and checked itself. */
  private static String inheritedText(Element project, String name, Element rootPom) {
    String own = text(project, name);
    return own.isEmpty() && child(project, "parent") != null ? text(rootPom, name) : own;
  }
}
