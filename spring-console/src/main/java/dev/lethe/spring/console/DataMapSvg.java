package dev.lethe.spring.console;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import java.util.ArrayList;
import java.util.HashMap;
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

  private static final int COLUMNS = 3;
  private static final int WIDTH = 360;
  private static final int GAP = 48;
  private static final int LINE = 18;
  private static final int PADDING = 12;
  /** Characters that fit a box's width at the font size used; longer lines end with an ellipsis. */
  private static final int FITS = 49;

  private DataMapSvg() {
  }

  static String of(PersonalDataModel model) {
    List<EntityDescriptor> entities = model.entities().stream()
        .sorted((one, other) -> Boolean.compare(other.subjectRootOf().isPresent(), one.subjectRootOf().isPresent()))
        .toList();
    List<List<String>> texts = entities.stream().map(entity -> lines(model, entity)).toList();
    Map<Class<?>, int[]> boxes = new HashMap<>();
    List<Integer> rowHeights = new ArrayList<>();
    for (int index = 0; index < entities.size(); index++) {
      int row = index / COLUMNS;
      int height = texts.get(index).size() * LINE + 2 * PADDING;
      if (rowHeights.size() <= row) {
        rowHeights.add(height);
      } else {
        rowHeights.set(row, Math.max(rowHeights.get(row), height));
      }
    }
    int y = GAP;
    int[] rowTops = new int[rowHeights.size()];
    for (int row = 0; row < rowHeights.size(); row++) {
      rowTops[row] = y;
      y += rowHeights.get(row) + GAP;
    }
    for (int index = 0; index < entities.size(); index++) {
      int x = GAP + (index % COLUMNS) * (WIDTH + GAP);
      boxes.put(entities.get(index).type(), new int[] {x, rowTops[index / COLUMNS],
          texts.get(index).size() * LINE + 2 * PADDING});
    }
    int width = GAP + Math.min(COLUMNS, Math.max(1, entities.size())) * (WIDTH + GAP);
    StringBuilder svg = new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"data-map-title\" width=\"")
        .append(width).append("\" height=\"").append(y).append("\" viewBox=\"0 0 ").append(width).append(' ').append(y)
        .append("\" font-family=\"system-ui, sans-serif\" font-size=\"13\">")
        .append("<title id=\"data-map-title\">Data map: ").append(entities.size())
        .append(" entities holding personal data, with their attributes, categories and retention</title>")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
            + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/>"
            + "</marker></defs>");
    for (EntityDescriptor entity : entities) {
      for (Class<?> root : roots(model, entity)) {
        int[] from = boxes.get(entity.type());
        int[] to = boxes.get(root);
        if (to != null && from != null) {
          svg.append("<line class=\"route\" x1=\"").append(from[0] + WIDTH / 2).append("\" y1=\"").append(from[1])
              .append("\" x2=\"").append(to[0] + WIDTH / 2).append("\" y2=\"").append(to[1] + to[2])
              .append("\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        }
      }
    }
    for (int index = 0; index < entities.size(); index++) {
      EntityDescriptor entity = entities.get(index);
      int[] box = boxes.get(entity.type());
      boolean root = entity.subjectRootOf().isPresent();
      svg.append("<g class=\"entity\" data-entity=\"").append(esc(entity.name())).append("\">")
          .append("<rect x=\"").append(box[0]).append("\" y=\"").append(box[1]).append("\" width=\"").append(WIDTH)
          .append("\" height=\"").append(box[2]).append("\" rx=\"6\" fill=\"").append(root ? "#e8f0fb" : "#ffffff")
          .append("\" stroke=\"#1f3a60\" stroke-width=\"").append(root ? 2 : 1).append("\"/>");
      List<String> lines = texts.get(index);
      for (int line = 0; line < lines.size(); line++) {
        svg.append("<text x=\"").append(box[0] + PADDING).append("\" y=\"")
            .append(box[1] + PADDING + (line + 1) * LINE - 4).append('"')
            .append(line == 0 ? " font-weight=\"bold\" font-size=\"15\"" : "").append(" fill=\"#1a1a1a\">")
            .append(esc(fit(lines.get(line)))).append("</text>");
      }
      svg.append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** The entity's lines: its name, whose data it is, each attribute with its category, purposes, retention. */
  private static List<String> lines(PersonalDataModel model, EntityDescriptor entity) {
    List<String> lines = new ArrayList<>();
    lines.add(RequestPages.entityLabel(entity.name()));
    lines.add(entity.subjectRootOf().map(subject -> "The " + subject + " themselves")
        .orElseGet(() -> "Data of " + entity.routes().stream().map(SubjectRoute::subjectType).distinct()
            .collect(Collectors.joining(", "))));
    for (FieldDescriptor field : entity.fields()) {
      lines.add("• " + field.label() + ": " + field.category().label() + (field.isSensitive() ? " (sensitive)" : ""));
    }
    List<Purpose> purposes = model.purposesOf(entity);
    lines.add(purposes.isEmpty() ? "No purpose declared"
        : "For: " + purposes.stream().map(Purpose::label).collect(Collectors.joining(", ")));
    lines.add(entity.retention().map(policy -> "Kept " + Words.period(policy.period()) + " after "
            + Words.ofName(policy.clockAttribute()).toLowerCase() + ", then " + Words.of(policy.action()).toLowerCase())
        .orElse("No retention period declared"));
    return lines;
  }

  /** The roots of the subject types the entity's rows reach, itself left out. */
  private static Set<Class<?>> roots(PersonalDataModel model, EntityDescriptor entity) {
    Set<Class<?>> roots = new LinkedHashSet<>();
    for (SubjectRoute route : entity.routes()) {
      model.subjectType(route.subjectType()).map(SubjectType::root).filter(root -> !root.equals(entity.type()))
          .ifPresent(roots::add);
    }
    return roots;
  }

  private static String fit(String line) {
    return line.length() <= FITS ? line : line.substring(0, FITS - 1) + "…";
  }

  private static String esc(String text) {
    // Only &, <, >, " and ': named HTML entities are not defined in a standalone SVG document.
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
