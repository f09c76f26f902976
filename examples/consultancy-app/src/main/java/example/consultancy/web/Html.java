package example.consultancy.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The few helpers the pages need: a page frame, escaping and forms with their CSRF token. */
final class Html {

  private Html() {}

  static String page(String title, String body, CsrfToken csrf) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>%s</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
          table { border-collapse: collapse; margin: .5rem 0 1rem; }
          td, th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
          form { display: inline-block; margin: .2rem; } .muted { color: #666; }
        </style></head>
        <body><h1>%s</h1>%s<p class="muted"><a href="/privacy">Privacy centre</a> · <a href="/lethe/console">Console</a> ·
        <a href="/records/privacy-notice">Privacy notice</a> · %s</p></body></html>
        """
        .formatted(
            esc(title), esc(title), body, button("/logout", "Sign out", "sign-out", csrf, ""));
  }

  /** A one-button form posting to {@code action}, with extra hidden or visible inputs. */
  static String button(String action, String label, String id, CsrfToken csrf, String inputs) {
    return "<form method=\"post\" action=\""
        + esc(action)
        + "\">"
        + hidden(csrf)
        + inputs
        + "<button id=\""
        + esc(id)
        + "\">"
        + esc(label)
        + "</button></form>";
  }

  static String hidden(CsrfToken csrf) {
    return "<input type=\"hidden\" name=\""
        + esc(csrf.getParameterName())
        + "\" value=\""
        + esc(csrf.getToken())
        + "\">";
  }

  static String esc(Object value) {
    return HtmlUtils.htmlEscape(String.valueOf(value));
  }
}
