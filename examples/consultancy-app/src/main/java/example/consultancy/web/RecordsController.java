package example.consultancy.web;

import dev.lethe.records.DataMap;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.records.RecordOfProcessing;
import java.io.IOException;
import java.io.StringWriter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records, written from the entities' annotations and the controller description on each
 * request: the Art. 30 record (Markdown), the Art. 13/14 privacy notice (HTML) and the data map
 * (Mermaid).
 */
@RestController
class RecordsController {

  private final RecordOfProcessing record;
  private final PrivacyNotice notice;
  private final DataMap dataMap;

  RecordsController(RecordOfProcessing record, PrivacyNotice notice, DataMap dataMap) {
    this.record = record;
    this.notice = notice;
    this.dataMap = dataMap;
  }

  @GetMapping(value = "/records/article-30", produces = "text/markdown;charset=UTF-8")
  String article30() throws IOException {
    StringWriter out = new StringWriter();
    record.writeMarkdown(out);
    return out.toString();
  }

  @GetMapping(value = "/records/privacy-notice", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  String privacyNotice() throws IOException {
    StringWriter out = new StringWriter();
    notice.writeHtml(out);
    return out.toString();
  }

  @GetMapping(value = "/records/data-map", produces = "text/vnd.mermaid;charset=UTF-8")
  String dataMap() throws IOException {
    StringWriter out = new StringWriter();
    dataMap.writeMermaid(out);
    return out.toString();
  }
}
