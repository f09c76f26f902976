package dev.lethe.jpa.broken;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Any;
import org.hibernate.annotations.AnyDiscriminator;
import org.hibernate.annotations.AnyDiscriminatorValue;
import org.hibernate.annotations.AnyKeyJavaClass;

/** Personal data next to an {@code @Any} association the store cannot follow. */
@Entity
public class WithAny {
  @Id public Long id;

  @ManyToOne public Root member;

  @PersonalData(category = "communication.content")
  public String note;

  @Any
  @AnyKeyJavaClass(Long.class)
  @AnyDiscriminator(DiscriminatorType.STRING)
  @AnyDiscriminatorValue(discriminator = "R", entity = Root.class)
  @Column(name = "target_type")
  @JoinColumn(name = "target_id")
  public Object target;
}
