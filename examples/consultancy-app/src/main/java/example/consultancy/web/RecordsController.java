package example.consultancy.web;

import dev.lethe.records.PrivacyNotice;
import java.io.IOException;
import java.io.StringWriter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Art. 13/14 privacy notice, public as a notice must be, written from the entities' annotations
 * and the controller description on each request. The Art. 30 record and the data map are the
 * administrator's, in Lethe's console under /lethe/console/records.
 */
@RestController
class RecordsController {

  private final PrivacyNotice notice;

  RecordsController(PrivacyNotice notice) {
    this.notice = notice;
  }

  @GetMapping(
      value = "/records/privacy-notice",
      produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String privacyNotice() throws IOException {
    StringWriter out = new StringWriter();
    notice.writeHtml(out);
    return out.toString();
  }
}
