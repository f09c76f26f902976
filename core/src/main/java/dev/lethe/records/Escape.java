package dev.lethe.records;

import java.util.regex.Pattern;

/** Escaping for each output format, so that a value from the model or the controller can never become markup. */
final class Escape {

  private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|#~])");
  private static final Pattern MARKDOWN_BLOCK_START = Pattern.compile("^([-+=]|\\d+[.)])");
  private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=[#A-Za-z0-9]+;)");
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private Escape() {}

  /** Text that HTML shows literally, in element content and in quoted attribute values. */
  public static String html(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * Inline text that Markdown shows literally, on one line: emphasis, code, links, raw HTML, table
   * pipes and headings are escaped, and a leading list or heading marker too. Other punctuation
   * stays as it is, so that the source reads well.
   */
  public static String markdown(String text) {
    String oneLine = LINE_BREAK.matcher(text).replaceAll(" ");
    String escaped = MARKDOWN_SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
    escaped = ENTITY_LIKE.matcher(escaped).replaceAll("&amp;");
    return MARKDOWN_BLOCK_START.matcher(escaped).replaceFirst("\\\\$1");
  }

  /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, with quotes doubled. */
  public static String csv(String field) {
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /** Text inside a quoted Mermaid label, on one line, with Mermaid's entity codes for its special characters. */
  public static String mermaid(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '#' -> escaped.append("#35;");
        case '"' -> escaped.append("#quot;");
        case '&' -> escaped.append("#amp;");
        case '<' -> escaped.append("#lt;");
        case '>' -> escaped.append("#gt;");
        case '|' -> escaped.append("#124;");
        case '`' -> escaped.append("#96;");
        case '\r', '\n' -> escaped.append(' ');
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
