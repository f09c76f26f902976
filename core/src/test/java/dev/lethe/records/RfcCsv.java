package dev.lethe.records;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: rows end in CRLF, quoted fields may hold commas, quotes and line breaks. */
public final class RfcCsv {

  private RfcCsv() {}

  /** The rows of {@code text}, which must end with CRLF. */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && field.isEmpty()) {
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("Unterminated quoted field");
          }
          char q = text.charAt(i++);
          if (q == '"') {
            if (i < text.length() && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(q);
          }
        }
        if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
          throw new IllegalArgumentException("Text after a closing quote at " + i);
        }
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          throw new IllegalArgumentException("A bare CR at " + i);
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else if (c == '"' || c == '\n') {
        throw new IllegalArgumentException(
            "Unquoted " + (c == '"' ? "quote" : "line feed") + " at " + i);
      } else {
        field.append(c);
        i++;
      }
    }
    if (!row.isEmpty() || !field.isEmpty()) {
      throw new IllegalArgumentException("The last row does not end with CRLF");
    }
    return rows;
  }
}
