package example.consultancy.people;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A page view on www.mesma.co.uk. The statement counts visitors without identifying anyone: the
 * visitor is known only by the IP address, which erasure masks. The 14 months are the analytics
 * service's retention setting; the statement itself names no period.
 */
@Entity
@DataSubject("visitor")
@Processing(
    purpose = "web-analytics",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Counting visitors to the parts of the website, to improve it",
    assessment = "LIA-2021-04 (legitimate interests assessment, analytics)",
    recipients = {"analytics", "web-host"})
// The retention sweep walks this index in clock and key order (Lethe advises it at start-up).
@Table(indexes = @Index(columnList = "visitedAt, id"))
@Retention(
    period = "P14M",
    clock = "visitedAt",
    action = RetentionAction.ANONYMISE,
    reason = "Visit statistics are kept 14 months, the analytics service's retention setting")
public class WebsiteVisit {

  @Id @GeneratedValue public @Nullable Long id;

  @SubjectIdentity("ip")
  @PersonalData(
      category = "online.ip-address",
      origin = DataOrigin.OBSERVED,
      erasure = ErasureStrategy.MASK,
      maskKeepFirst = 3,
      label = "IP address")
  public @Nullable String ipAddress;

  public @Nullable String page;

  public @Nullable Instant visitedAt;

  protected WebsiteVisit() {}

  /** A view of {@code page}. */
  public WebsiteVisit(String ipAddress, String page, Instant visitedAt) {
    this.ipAddress = ipAddress;
    this.page = page;
    this.visitedAt = visitedAt;
  }
}
