package dev.lethe.spring.console;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;

/**
 * The data map as an SVG diagram drawn on the server (Art. 30(1)(c), (f)): one box per entity with
 * its personal-data attributes in words, their categories, the purposes and the retention, and a
 * line from each entity to the root of every subject type it reaches. No script: the page, a
 * download and a printed record show the same picture.
 */
final class DataMapSvg {

  private static final int WIDTH = 340;

  /** How far an entity's box sits right of its subject's root, leaving the gutter its line runs in. */
  private static final int INDENT = 28;

  private static final int GAP = 48;
  private static final int LINE = 18;
  private static final int PADDING = 12;

  /** Characters that fit a root's box at the font size used; longer lines are wrapped. */
  private static final int FITS = 46;

  private DataMapSvg() {}

  static String of(PersonalDataModel model) {
    // One column per subject type: its root on top, the entities that lead to it stacked below,
    // indented, each joined to the root by an elbow in the column's left gutter, so that no line
    // passes behind a box. An entity about several kinds of person sits under the first and names
    // them all in its second line.
    List<EntityDescriptor> roots =
        model.entities().stream().filter(entity -> entity.subjectRootOf().isPresent()).toList();
    Map<Class<?>, List<EntityDescriptor>> columns = new LinkedHashMap<>();
    roots.forEach(root -> columns.put(root.type(), new ArrayList<>(List.of(root))));
    for (EntityDescriptor entity : model.entities()) {
      if (entity.subjectRootOf().isEmpty()) {
        Class<?> column =
            roots(model, entity).stream()
                .filter(columns::containsKey)
                .findFirst()
                .orElse(roots.isEmpty() ? entity.type() : roots.get(0).type());
        columns.computeIfAbsent(column, first -> new ArrayList<>()).add(entity);
      }
    }
    int entities = columns.values().stream().mapToInt(List::size).sum();
    int width = GAP + Math.max(1, columns.size()) * (WIDTH + GAP);
    StringBuilder boxes = new StringBuilder();
    StringBuilder routes = new StringBuilder();
    int height = 0;
    int x = GAP;
    for (List<EntityDescriptor> column : columns.values()) {
      int y = GAP;
      int rootBottom = 0;
      for (EntityDescriptor entity : column) {
        boolean root = entity.subjectRootOf().isPresent();
        int left = root ? x : x + INDENT;
        List<String> lines =
            wrap(lines(model, entity), FITS * (root ? WIDTH : WIDTH - INDENT) / WIDTH);
        int boxHeight = lines.size() * LINE + 2 * PADDING;
        if (root) {
          rootBottom = y + boxHeight;
        } else if (rootBottom > 0) {
          int gutter = x + INDENT / 2;
          int middle = y + boxHeight / 2;
          routes
              .append("<polyline class=\"route\" points=\"")
              .append(left)
              .append(',')
              .append(middle)
              .append(' ')
              .append(gutter)
              .append(',')
              .append(middle)
              .append(' ')
              .append(gutter)
              .append(',')
              .append(rootBottom)
              .append(
                  "\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        }
        box(boxes, entity, lines, left, y, root ? WIDTH : WIDTH - INDENT, boxHeight);
        y += boxHeight + GAP / 2;
      }
      height = Math.max(height, y + GAP / 2);
      x += WIDTH + GAP;
    }
    return new StringBuilder()
        .append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"data-map-title\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"system-ui, sans-serif\" font-size=\"13\">")
        .append("<title id=\"data-map-title\">Data map: ")
        .append(entities)
        .append(
            " entities holding personal data, with their attributes, categories and retention</title>")
        .append(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/>"
                + "</marker></defs>")
        .append(routes)
        .append(boxes)
        .append("</svg>")
        .toString();
  }

  private static void box(
      StringBuilder svg,
      EntityDescriptor entity,
      List<String> lines,
      int x,
      int y,
      int width,
      int height) {
    boolean root = entity.subjectRootOf().isPresent();
    svg.append("<g class=\"entity\" data-entity=\"")
        .append(esc(entity.name()))
        .append("\">")
        .append("<rect x=\"")
        .append(x)
        .append("\" y=\"")
        .append(y)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" rx=\"6\" fill=\"")
        .append(root ? "#e8f0fb" : "#ffffff")
        .append("\" stroke=\"#1f3a60\" stroke-width=\"")
        .append(root ? 2 : 1)
        .append("\"/>");
    for (int line = 0; line < lines.size(); line++) {
      svg.append("<text x=\"")
          .append(x + PADDING)
          .append("\" y=\"")
          .append(y + PADDING + (line + 1) * LINE - 4)
          .append('"')
          .append(line == 0 ? " font-weight=\"bold\" font-size=\"15\"" : "")
          .append(" fill=\"#1a1a1a\">")
          .append(esc(lines.get(line)))
          .append("</text>");
    }
    svg.append("</g>");
  }

  /** The entity's lines: its name, whose data it is, each attribute with its category, purposes, retention. */
  private static List<String> lines(PersonalDataModel model, EntityDescriptor entity) {
    List<String> lines = new ArrayList<>();
    lines.add(RequestPages.entityLabel(entity.name()));
    lines.add(
        entity
            .subjectRootOf()
            .map(subject -> "The " + subject + " themselves")
            .orElseGet(
                () ->
                    "Data of "
                        + entity.routes().stream()
                            .map(SubjectRoute::subjectType)
                            .distinct()
                            .collect(Collectors.joining(", "))));
    for (FieldDescriptor field : entity.fields()) {
      lines.add(
          "• "
              + field.label()
              + ": "
              + field.category().label()
              + (field.isSensitive() ? " (sensitive)" : ""));
    }
    List<Purpose> purposes = model.purposesOf(entity);
    lines.add(
        purposes.isEmpty()
            ? "No purpose declared"
            : "For: " + purposes.stream().map(Purpose::label).collect(Collectors.joining(", ")));
    lines.add(
        entity
            .retention()
            .map(
                policy ->
                    "Kept "
                        + Words.period(policy.period())
                        + " after "
                        + Words.ofName(policy.clockAttribute()).toLowerCase()
                        + ", then "
                        + Words.of(policy.action()).toLowerCase())
            .orElse("No retention period declared"));
    return lines;
  }

  /** The roots of the subject types the entity's rows reach, itself left out. */
  private static Set<Class<?>> roots(PersonalDataModel model, EntityDescriptor entity) {
    Set<Class<?>> roots = new LinkedHashSet<>();
    for (SubjectRoute route : entity.routes()) {
      model
          .subjectType(route.subjectType())
          .map(SubjectType::root)
          .filter(root -> !root.equals(entity.type()))
          .ifPresent(roots::add);
    }
    return roots;
  }

  /** The lines, each longer than {@code fits} characters broken at spaces: nothing is cut off. */
  private static List<String> wrap(List<String> lines, int fits) {
    List<String> wrapped = new ArrayList<>();
    for (String line : lines) {
      StringBuilder current = new StringBuilder();
      for (String word : line.split(" ")) {
        if (current.length() > 0 && current.length() + 1 + word.length() > fits) {
          wrapped.add(current.toString());
          current.setLength(0);
        }
        current.append(current.length() > 0 ? " " : "").append(word);
      }
      wrapped.add(current.toString());
    }
    return wrapped;
  }

  private static String esc(String text) {
    // Only &, <, >, " and ': named HTML entities are not defined in a standalone SVG document.
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
