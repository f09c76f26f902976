package dev.lethe.jpa.internal;

import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.CollectionPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;

/**
 * The table of an element collection or a many-to-many association: the column referring to the
 * owner and the column holding the element (a value, or the associated row's key).
 *
 * @param table the collection table
 * @param keyColumn the column holding the owner's identifier
 * @param elementColumn the column holding the element
 * @param elementType the element column's type
 */
record ElementTable(String table, String keyColumn, String elementColumn, JdbcMapping elementType) {

  static ElementTable of(PluralAttributeMapping collection, Class<?> owner) {
    ForeignKeyDescriptor key = collection.getKeyDescriptor();
    BasicValuedModelPart keyPart = single(key.getKeyPart(), owner, collection);
    CollectionPart element = collection.getElementDescriptor();
    BasicValuedModelPart elementPart =
        element instanceof EntityAssociationMapping association
            ? single(association.getForeignKeyDescriptor().getKeyPart(), owner, collection)
            : single(element, owner, collection);
    return new ElementTable(
        key.getKeyTable(),
        keyPart.getSelectionExpression(),
        elementPart.getSelectionExpression(),
        elementPart.getJdbcMapping());
  }

  private static BasicValuedModelPart single(
      ModelPart part, Class<?> owner, PluralAttributeMapping collection) {
    if (part instanceof BasicValuedModelPart basic && !basic.isFormula()) {
      return basic;
    }
    throw new UnsupportedRouteException(
        owner,
        collection.getAttributeName(),
        "is a collection whose table is keyed or"
            + " valued by several columns, which the store cannot erase.",
        "Use a single-column key and basic elements.");
  }
}
