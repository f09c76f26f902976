package example.quickstart;

import dev.lethe.access.SubjectReportWriter;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.SubjectIdentifier;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

@Service
class PrivacyRequests {
  @Autowired DataSubjectRights rights;

  void sendCopy(String email, OutputStream out) throws IOException {
    RightsRequest request =
        rights.submit(
            RequestType.ACCESS,
            new SubjectIdentifier("customer", "email", email),
            Channel.WEB); // due in one calendar month
    rights.verify(request.id(), "email-link");
    SubjectReportWriter.writeZip(rights.access(request.id()), out);
  }
}
