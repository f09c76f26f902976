package dev.lethe.tck.shop;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.law.DataOrigin;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** Linked to its customer by an e-mail column, not an association; deleted 90 days after the login. */
@Entity
@ProcessedFor("orders")
@Retention(
    period = "P90D",
    clock = "at",
    action = RetentionAction.DELETE,
    reason = "Security logs are kept 90 days")
public class LoginEvent {
  @Id public Long id;

  @SubjectLink(subject = "customer", identity = "email")
  public String customerEmail;

  public Instant at;

  @PersonalData(
      category = "online.ip-address",
      origin = DataOrigin.OBSERVED,
      erasure = ErasureStrategy.HASH)
  public String ipAddress;

  protected LoginEvent() {}

  public LoginEvent(Long id, String customerEmail, Instant at, String ipAddress) {
    this.id = id;
    this.customerEmail = customerEmail;
    this.at = at;
    this.ipAddress = ipAddress;
  }
}
