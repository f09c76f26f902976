package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A map of the personal data the model describes, as a Mermaid flowchart: each subject type, the
 * entities whose rows reach it with the route they take, each entity's personal-data attributes
 * with their categories, and its retention. It supports the record of processing (Art. 30) and the
 * accountability of Art. 5(2) by showing at a glance where each subject's data lives.
 *
 * <pre>{@code
 * DataMap.of(model).writeMermaid(writer); // paste into a ```mermaid block
 * }</pre>
 */
public final class DataMap {

  private final PersonalDataModel model;

  private DataMap(PersonalDataModel model) {
    this.model = model;
  }

  /** The data map of {@code model} (Art. 30, Art. 5(2)). */
  public static DataMap of(PersonalDataModel model) {
    return new DataMap(requireNonNull(model, "model"));
  }

  /**
   * Writes the map as a Mermaid {@code flowchart LR}: subject types as rounded nodes, entities as
   * boxes listing {@code attribute: category} and their retention, and one arrow per route from an
   * entity to the subject type it reaches, labelled with the path (Art. 30(1)(c), (f)).
   * {@code out} is not closed.
   */
  public void writeMermaid(Writer out) throws IOException {
    requireNonNull(out, "out");
    out.write("flowchart LR\n");
    Map<String, String> subjectIds = new LinkedHashMap<>();
    for (SubjectType subjectType : model.subjectTypes()) {
      String id = "subject" + (subjectIds.size() + 1);
      subjectIds.put(subjectType.name(), id);
      out.write("  " + id + "([\"" + Escape.mermaid(subjectType.name()) + "\"])\n");
    }
    List<String> edges = new ArrayList<>();
    int index = 0;
    for (EntityDescriptor entity : model.entities()) {
      String id = "entity" + (++index);
      out.write("  " + id + "[\"" + String.join("<br/>", entityLines(entity)) + "\"]\n");
      for (SubjectRoute route : entity.routes()) {
        edges.add(
            "  "
                + id
                + " -->|\""
                + Escape.mermaid(route.dottedPath())
                + "\"| "
                + subjectIds.get(route.subjectType())
                + "\n");
      }
    }
    for (String edge : edges) {
      out.write(edge);
    }
    if (!subjectIds.isEmpty()) {
      out.write("  class " + String.join(",", subjectIds.values()) + " subject\n");
    }
    out.write("  classDef subject stroke-width:3px\n");
  }

  private static List<String> entityLines(EntityDescriptor entity) {
    List<String> lines = new ArrayList<>();
    lines.add("<b>" + Escape.mermaid(entity.name()) + "</b>");
    for (FieldDescriptor field : entity.fields()) {
      lines.add(Escape.mermaid(field.label() + ": " + field.category().label()));
    }
    lines.add(
        Escape.mermaid(
            "Retention: "
                + ProcessingFacts.retentionOf(entity)
                    .map(Phrases::keptFor)
                    .orElse("not declared")));
    return lines;
  }
}
