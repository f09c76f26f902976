package dev.lethe.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an attribute the class inherits as personal data (Art. 4(1)) of this class and its
 * subclasses only, the way JPA's {@code @AttributeOverride} remaps an inherited column: the shared
 * superclass, and every other class extending it, stay as they are.
 *
 * <p>For example a {@code Customer} extending a {@code @MappedSuperclass Party} whose
 * {@code telephone} is not personal data for companies:
 * <pre>{@code
 * @PersonalDataOverride(attribute = "telephone",
 *     data = @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK, maskKeepLast = 2))
 * public class Customer extends Party { ... }
 * }</pre>
 *
 * <p>The attribute is named as in the superclass that declares it, or as a dotted path into an
 * embedded value ({@code address.street}). The override replaces the attribute's own
 * {@code @PersonalData}, if it has one, for this class. Naming an attribute the class does not
 * inherit, one it declares itself (annotate the field instead), or an association is refused when
 * the model is built. The data's category, origin and erasure feed the records and notices
 * (Art. 30, Art. 13–15), access (Art. 15) and erasure (Art. 17) as on a field.
 */
@Documented
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PersonalDataOverride.List.class)
public @interface PersonalDataOverride {

  /** The inherited attribute's name, or a dotted path into an embedded value. */
  String attribute();

  /** What the attribute holds and what erasure does to it, as {@link PersonalData} on a field would say. */
  PersonalData data();

  /** Holds repeated {@link PersonalDataOverride} declarations. */
  @Documented
  @java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The declarations. */
    PersonalDataOverride[] value();
  }
}
