package example.quickstart;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectIdentity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@DataSubject("customer")
class Customer {
  @Id Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  String email;
}
