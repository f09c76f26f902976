package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A small document, titled, in sections of paragraphs, bullet lists and tables, with plain text
 * everywhere: the notice and the record are built as one and rendered as Markdown or HTML, so that
 * both formats say the same thing and all escaping happens here.
 *
 * @param title the title
 * @param sections the sections
 */
record Document(String title, List<Section> sections) {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1b1b1b}"
          + "main{max-width:50rem;margin:0 auto;padding:1rem 1.5rem}"
          + "table{border-collapse:collapse;width:100%}"
          + "th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}"
          + "th{background:#f2f2f2}";

  public Document {
    requireNonNull(title, "title");
    sections = List.copyOf(sections);
  }

  /**
   * A section under a heading.
   *
   * @param heading the heading
   * @param blocks the content
   */
  public record Section(String heading, List<Block> blocks) {
    public Section {
      requireNonNull(heading, "heading");
      blocks = List.copyOf(blocks);
    }
  }

  /** A paragraph, a bullet list or a table. */
  public sealed interface Block permits Paragraph, Bullets, Table {}

  /**
   * A paragraph of text.
   *
   * @param text the text
   */
  public record Paragraph(String text) implements Block {
    public Paragraph {
      requireNonNull(text, "text");
    }
  }

  /**
   * A bullet list.
   *
   * @param items one text per bullet
   */
  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /**
   * A table with a header row.
   *
   * @param header the column headings
   * @param rows the rows, each as wide as the header
   */
  public record Table(List<String> header, List<List<String>> rows) implements Block {
    public Table {
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(
              "A row has " + row.size() + " cells, the header " + header.size());
        }
      }
    }
  }

  /** Writes the document as CommonMark with GitHub tables. */
  public void writeMarkdown(Writer out) throws IOException {
    out.write("# " + Escape.markdown(title) + "\n");
    for (Section section : sections) {
      out.write("\n## " + Escape.markdown(section.heading()) + "\n");
      for (Block block : section.blocks()) {
        out.write("\n");
        if (block instanceof Paragraph paragraph) {
          out.write(Escape.markdown(paragraph.text()) + "\n");
        } else if (block instanceof Bullets bullets) {
          for (String item : bullets.items()) {
            out.write("- " + Escape.markdown(item) + "\n");
          }
        } else if (block instanceof Table table) {
          out.write(markdownRow(table.header()));
          out.write(markdownRow(table.header().stream().map(heading -> "---").toList(), false));
          for (List<String> row : table.rows()) {
            out.write(markdownRow(row));
          }
        }
      }
    }
  }

  /** Writes the document as a self-contained HTML page: no scripts, no external assets, every text escaped. */
  public void writeHtml(Writer out) throws IOException {
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>"
            + Escape.html(title)
            + "</title>\n<style>"
            + STYLE
            + "</style>\n</head>\n<body>\n<main>\n"
            + "<h1>"
            + Escape.html(title)
            + "</h1>\n");
    for (Section section : sections) {
      out.write("<section>\n<h2>" + Escape.html(section.heading()) + "</h2>\n");
      for (Block block : section.blocks()) {
        if (block instanceof Paragraph paragraph) {
          out.write("<p>" + Escape.html(paragraph.text()) + "</p>\n");
        } else if (block instanceof Bullets bullets) {
          out.write("<ul>\n");
          for (String item : bullets.items()) {
            out.write("<li>" + Escape.html(item) + "</li>\n");
          }
          out.write("</ul>\n");
        } else if (block instanceof Table table) {
          out.write("<table>\n<thead>\n" + htmlRow(table.header(), "th") + "</thead>\n<tbody>\n");
          for (List<String> row : table.rows()) {
            out.write(htmlRow(row, "td"));
          }
          out.write("</tbody>\n</table>\n");
        }
      }
      out.write("</section>\n");
    }
    out.write("</main>\n</body>\n</html>\n");
  }

  private static String markdownRow(List<String> cells) {
    return markdownRow(cells, true);
  }

  private static String markdownRow(List<String> cells, boolean escape) {
    StringBuilder row = new StringBuilder("|");
    for (String cell : cells) {
      row.append(' ').append(escape ? Escape.markdown(cell) : cell).append(" |");
    }
    return row.append('\n').toString();
  }

  private static String htmlRow(List<String> cells, String tag) {
    StringBuilder row = new StringBuilder("<tr>");
    for (String cell : cells) {
      row.append('<')
          .append(tag)
          .append('>')
          .append(Escape.html(cell))
          .append("</")
          .append(tag)
          .append('>');
    }
    return row.append("</tr>\n").toString();
  }
}
