package dev.lethe.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class EscapeTest {

  private static final Pattern HTML_ENTITY = Pattern.compile("&(amp|lt|gt|quot|#39);");

  @Property
  @Label("Art. 12(1): HTML escaping leaves no markup and unescapes to the original")
  void html(@ForAll String text) {
    String escaped = Escape.html(text);
    assertThat(escaped).doesNotContain("<", ">", "\"", "'");
    assertThat(HTML_ENTITY.matcher(escaped).replaceAll("")).doesNotContain("&");
    Matcher entity = HTML_ENTITY.matcher(escaped);
    StringBuilder unescaped = new StringBuilder();
    while (entity.find()) {
      entity.appendReplacement(
          unescaped,
          Matcher.quoteReplacement(
              switch (entity.group(1)) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                default -> "'";
              }));
    }
    entity.appendTail(unescaped);
    assertThat(unescaped.toString()).isEqualTo(text);
  }

  @Property
  @Label("Art. 30(3): any CSV row reads back field for field (RFC 4180)")
  void csv(@ForAll @Size(min = 1, max = 6) List<String> fields) {
    String row = String.join(",", fields.stream().map(Escape::csv).toList()) + "\r\n";
    List<List<String>> parsed = RfcCsv.parse(row);
    assertThat(parsed).containsExactly(fields);
  }

  @Property
  @Label("Markdown escaping keeps text on one line with every markup character escaped")
  void markdown(@ForAll String text) {
    String escaped = Escape.markdown(text);
    assertThat(escaped).doesNotContain("\n", "\r", "\u2028", "\u2029", "\u0085");
    List<Character> unescaped = new ArrayList<>();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\') {
        i++;
      } else if ("`*_[]<>|#~".indexOf(c) >= 0) {
        unescaped.add(c);
      }
    }
    assertThat(unescaped).isEmpty();
    assertThat(escaped).doesNotMatch("^([-+=]|\\d+[.)]).*");
  }

  @Property
  @Label("Mermaid escaping leaves no quote, bracket, pipe or line break in a label")
  void mermaid(@ForAll String text) {
    String escaped = Escape.mermaid(text);
    assertThat(escaped).doesNotContain("\"", "<", ">", "|", "`", "\n", "\r");
    assertThat(escaped.replaceAll("#(35|quot|amp|lt|gt|124|96);", "")).doesNotContain("#");
  }
}
