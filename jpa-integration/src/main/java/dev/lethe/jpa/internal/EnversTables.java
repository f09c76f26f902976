package dev.lethe.jpa.internal;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.AuditJoinTable;
import org.hibernate.envers.boot.internal.EnversService;
import org.hibernate.envers.internal.entities.EntitiesConfigurations;
import org.hibernate.envers.internal.entities.EntityConfiguration;
import org.hibernate.envers.internal.entities.PropertyData;
import org.hibernate.envers.internal.entities.RelationDescription;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.jspecify.annotations.Nullable;

/**
 * Reads which entities and attributes Hibernate Envers audits, and where: the only class of the
 * store that names Envers, loaded only when Envers is on the class path. Envers says what it audits
 * (its entity configurations); Hibernate's mapping of the {@code _AUD} entities it registers says in
 * which tables and columns, so that renamed audit tables and columns are found as they are.
 */
final class EnversTables {

  private EnversTables() {}

  /** The history of {@code mapping}'s audited entities, or none where Envers is off. */
  static History discover(JpaMapping mapping) {
    SessionFactoryImplementor factory = mapping.factory();
    EnversService envers;
    try {
      envers = factory.getServiceRegistry().getService(EnversService.class);
    } catch (RuntimeException notRegistered) {
      return History.NONE;
    }
    if (envers == null
        || !envers.isEnabled()
        || !envers.isInitialized()
        || !envers.getEntitiesConfigurations().hasAuditedEntities()) {
      return History.NONE;
    }
    EntitiesConfigurations configurations = envers.getEntitiesConfigurations();
    Map<Class<?>, History.Audit> audits = new LinkedHashMap<>();
    List<MappingProblem> problems = new ArrayList<>();
    for (EntityInfo info : mapping.entities()) {
      String name = info.mapping().getEntityName();
      if (!configurations.isVersioned(name)) {
        continue;
      }
      Optional<EntityDescriptor> descriptor = mapping.model().entity(info.type());
      // Problems matter only where the store erases: entities holding personal data.
      List<MappingProblem> found =
          descriptor.filter(EntityDescriptor::holdsPersonalData).isPresent()
              ? problems
              : new ArrayList<>();
      History.Audit audit =
          audit(factory, envers, configurations, info, descriptor.orElse(null), found);
      if (audit != null) {
        audits.put(info.type(), audit);
      }
    }
    return new History(audits, problems);
  }

  private static History.@Nullable Audit audit(
      SessionFactoryImplementor factory,
      EnversService envers,
      EntitiesConfigurations configurations,
      EntityInfo info,
      @Nullable EntityDescriptor descriptor,
      List<MappingProblem> problems) {
    String auditName = envers.getConfig().getAuditEntityName(info.mapping().getEntityName());
    EntityMappingType audit = factory.getMappingMetamodel().findEntityDescriptor(auditName);
    String revisionProperty = envers.getConfig().getRevisionFieldName();
    String attribute = info.idAttribute();
    if (audit == null) {
      problems.add(
          new MappingProblem(
              info.type(),
              attribute,
              "is audited by Envers, but its history entity "
                  + auditName
                  + " is not in the mapping, so Lethe cannot erase its history.",
              "Check the Envers configuration, or stop"
                  + " auditing the entity (remove @Audited)."));
      return null;
    }
    String revision = revisionColumn(audit, revisionProperty);
    if (revision == null) {
      problems.add(
          new MappingProblem(
              info.type(),
              attribute,
              "is audited by Envers, but its history table has no single"
                  + " revision column Lethe can find.",
              "Use Envers' default revision mapping (a single REV column)."));
      return null;
    }
    List<String> tables = new ArrayList<>();
    Map<String, String> keys = new LinkedHashMap<>();
    boolean[] keyed = {true};
    audit.forEachTableDetails(
        details -> {
          if (tables.contains(details.getTableName())) {
            return;
          }
          tables.add(0, details.getTableName());
          List<String> key = new ArrayList<>();
          for (int i = 0; i < details.getKeyDetails().getColumnCount(); i++) {
            String column = details.getKeyDetails().getKeyColumn(i).getColumnName();
            if (!bare(column).equalsIgnoreCase(bare(revision))) {
              key.add(column);
            }
          }
          if (key.size() == 1) {
            keys.put(details.getTableName(), key.get(0));
          } else {
            keyed[0] = false;
          }
        });
    if (!keyed[0]) {
      problems.add(
          new MappingProblem(
              info.type(),
              attribute,
              "is audited by Envers, but a history table of it is not keyed"
                  + " by one identifier column and the revision.",
              "Map a single @Id attribute."));
      return null;
    }
    Set<String> audited = auditedProperties(configurations, info.mapping().getEntityName());
    Map<String, BasicValuedModelPart> columns = new LinkedHashMap<>();
    Map<String, History.Middle> collections = new LinkedHashMap<>();
    List<History.Middle> middles = new ArrayList<>();
    EntityConfiguration configuration = configurations.get(info.mapping().getEntityName());
    for (PluralAttributeMapping collection : collections(info)) {
      if (!audited.contains(collection.getAttributeName())) {
        continue;
      }
      ElementTable table;
      try {
        table =
            collection.getSeparateCollectionTable() == null
                ? oneWay(collection, info.type())
                : ElementTable.of(collection, info.type());
      } catch (UnsupportedRouteException severalColumns) {
        // Discovery refuses a personal collection of several columns; nothing here would be
        // erasable.
        continue;
      }
      History.Middle middle =
          middle(factory, envers, configuration, collection, table, info, problems);
      if (middle != null) {
        middles.add(middle);
        collections.put(collection.getAttributeName(), middle);
      }
    }
    if (descriptor != null) {
      for (FieldDescriptor field : descriptor.fields()) {
        if (field.collection()
            || field.erasure().strategy() == ErasureStrategy.KEEP
            || !audited.contains(field.path().get(0))) {
          continue;
        }
        ModelPart part = audit.findByPath(field.name());
        if (part instanceof BasicValuedModelPart basic && !basic.isFormula()) {
          columns.put(field.name(), basic);
        } else if (field.erasure().strategy() != ErasureStrategy.DELETE_ROW) {
          problems.add(
              new MappingProblem(
                  info.type(),
                  field.name(),
                  "is audited by Envers, but its history is not one"
                      + " column of "
                      + audit.getIdentifierTableDetails().getTableName()
                      + " that Lethe can rewrite.",
                  "Map it as a basic attribute with one column, or mark it @NotAudited."));
        }
      }
    }
    return new History.Audit(
        info,
        tables,
        keys,
        revision,
        columns,
        collections,
        middles,
        references(info, audit, tables.get(tables.size() - 1), audited),
        audit);
  }

  /**
   * The entity's collections with a table, and its one-way {@code @OneToMany} collections by join
   * column: Envers records the latter in a history table of their own, by owner and element.
   */
  private static List<PluralAttributeMapping> collections(EntityInfo info) {
    List<PluralAttributeMapping> collections = new ArrayList<>(info.collections());
    info.mapping()
        .forEachAttributeMapping(
            attribute -> {
              if (attribute instanceof PluralAttributeMapping plural
                  && plural.getSeparateCollectionTable() == null
                  && plural.getElementDescriptor() instanceof EntityValuedModelPart
                  && !plural.getCollectionDescriptor().isInverse()
                  && !collections.contains(plural)) {
                collections.add(plural);
              }
            });
    return collections;
  }

  /** A one-way {@code @OneToMany} by join column as an element table: the elements' table, its join column and key. */
  private static ElementTable oneWay(PluralAttributeMapping collection, Class<?> owner) {
    ForeignKeyDescriptor key = collection.getKeyDescriptor();
    EntityMappingType element =
        ((EntityValuedModelPart) collection.getElementDescriptor()).getEntityMappingType();
    if (!(key.getKeyPart() instanceof BasicValuedModelPart column)
        || !(element.getIdentifierMapping() instanceof BasicValuedModelPart id)) {
      throw new UnsupportedRouteException(
          owner,
          collection.getAttributeName(),
          "is joined on several columns.",
          "Join on a single-column key.");
    }
    return new ElementTable(
        key.getKeyTable(),
        column.getSelectionExpression(),
        RouteSql.keyColumn(element, key.getKeyTable(), element.getJavaType().getJavaTypeClass()),
        id.getJdbcMapping());
  }

  /**
   * The history column of each audited to-one association whose foreign key, in the entity's own
   * row, holds the target's identifier: by it, the history of rows the application deleted still
   * names their subject.
   */
  private static Map<String, String> references(
      EntityInfo info, EntityMappingType audit, String baseTable, Set<String> audited) {
    Set<String> historyColumns = new HashSet<>();
    audit.forEachSelectable(
        (index, selectable) -> {
          if (selectable.getContainingTableExpression().equals(baseTable)) {
            historyColumns.add(bare(selectable.getSelectionExpression()).toLowerCase(Locale.ROOT));
          }
        });
    Map<String, String> references = new LinkedHashMap<>();
    info.mapping()
        .forEachAttributeMapping(
            attribute -> {
              if (attribute instanceof EntityAssociationMapping association
                  && !(attribute instanceof PluralAttributeMapping)
                  && association.getSideNature() == ForeignKeyDescriptor.Nature.KEY
                  && audited.contains(attribute.getAttributeName())
                  && association.getForeignKeyDescriptor().getKeyPart()
                      instanceof BasicValuedModelPart column
                  && association.getForeignKeyDescriptor().getTargetPart()
                      instanceof BasicValuedModelPart target
                  && association.getAssociatedEntityMappingType().getIdentifierMapping()
                      instanceof BasicValuedModelPart id
                  && target.getSelectionExpression().equals(id.getSelectionExpression())
                  && historyColumns.contains(
                      bare(column.getSelectionExpression()).toLowerCase(Locale.ROOT))) {
                references.put(attribute.getAttributeName(), column.getSelectionExpression());
              }
            });
    return references;
  }

  /** The audited properties of the entity and of the audited entities it extends. */
  private static Set<String> auditedProperties(
      EntitiesConfigurations configurations, String entityName) {
    Set<String> names = new HashSet<>();
    for (String name = entityName; name != null; ) {
      EntityConfiguration configuration = configurations.get(name);
      if (configuration == null) {
        break;
      }
      for (PropertyData property : configuration.getPropertyMapper().getProperties().keySet()) {
        names.add(property.getName());
      }
      name = configuration.getParentEntityName();
    }
    return names;
  }

  /** The column of the revision in the history entity's key. */
  private static @Nullable String revisionColumn(EntityMappingType audit, String revisionProperty) {
    ModelPart identifier = audit.getIdentifierMapping();
    if (!(identifier instanceof EmbeddableValuedModelPart embedded)) {
      return null;
    }
    ModelPart revision = embedded.getEmbeddableTypeDescriptor().findSubPart(revisionProperty, null);
    if (revision == null) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    revision.forEachSelectable(
        (index, selectable) -> columns.add(selectable.getSelectionExpression()));
    return columns.size() == 1 ? columns.get(0) : null;
  }

  /**
   * The history table Envers keeps for a collection: named by {@code @AuditJoinTable}, by the
   * relation for an association, else by Envers' rule of prefix, collection table and suffix. Its
   * key holds the owner's column and the element's column under the collection table's names.
   */
  private static History.@Nullable Middle middle(
      SessionFactoryImplementor factory,
      EnversService envers,
      @Nullable EntityConfiguration configuration,
      PluralAttributeMapping collection,
      ElementTable table,
      EntityInfo info,
      List<MappingProblem> problems) {
    String name = null;
    if (collectionField(info.type(), collection.getAttributeName())
            instanceof AnnotatedElement field
        && field.getAnnotation(AuditJoinTable.class) != null
        && !field.getAnnotation(AuditJoinTable.class).name().isEmpty()) {
      name = field.getAnnotation(AuditJoinTable.class).name();
    }
    RelationDescription relation =
        configuration == null
            ? null
            : configuration.getRelationDescription(collection.getAttributeName());
    if (name == null && relation != null && relation.getAuditMiddleEntityName() != null) {
      name = relation.getAuditMiddleEntityName();
    }
    if (name == null) {
      name = envers.getConfig().getAuditEntityName(SchemaVerifier.Schema.bare(table.table()));
    }
    EntityMappingType middle = factory.getMappingMetamodel().findEntityDescriptor(name);
    String revision =
        middle == null ? null : revisionColumn(middle, envers.getConfig().getRevisionFieldName());
    List<String> key = new ArrayList<>();
    if (middle != null) {
      middle
          .getIdentifierMapping()
          .forEachSelectable((index, selectable) -> key.add(columnOf(selectable)));
    }
    String owner = find(key, table.keyColumn());
    String element = find(key, table.elementColumn());
    if (middle == null || revision == null || owner == null || element == null) {
      problems.add(
          new MappingProblem(
              info.type(),
              collection.getAttributeName(),
              "is audited by Envers, but Lethe cannot"
                  + " find its history table"
                  + (middle == null ? " (looked for " + name + ")" : " columns")
                  + ", so it could"
                  + " not erase its history.",
              "Name the history table with @AuditJoinTable(name = ...) and keep the"
                  + " collection table's column names, or mark the collection @NotAudited."));
      return null;
    }
    EntityMappingType elementEntity =
        collection.getElementDescriptor() instanceof EntityValuedModelPart entities
            ? entities.getEntityMappingType()
            : null;
    // Key (owner, revision, element) alone: two equal values of one owner in one revision collide.
    boolean unique = key.size() == 3;
    return new History.Middle(
        info.type(),
        collection.getAttributeName(),
        new ElementTable(
            middle.getIdentifierTableDetails().getTableName(), owner, element, table.elementType()),
        revision,
        unique,
        elementEntity);
  }

  private static String columnOf(SelectableMapping selectable) {
    return selectable.getSelectionExpression();
  }

  private static @Nullable String find(List<String> columns, String wanted) {
    return columns.stream()
        .filter(column -> bare(column).equalsIgnoreCase(bare(wanted)))
        .findFirst()
        .orElse(null);
  }

  private static @Nullable Object collectionField(Class<?> type, String name) {
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      try {
        return current.getDeclaredField(name);
      } catch (NoSuchFieldException notHere) {
        // Declared higher up, maybe.
      }
    }
    return null;
  }

  private static String bare(String name) {
    return name.replace("\"", "")
        .replace("`", "")
        .replace("[", "")
        .replace("]", "")
        .toLowerCase(Locale.ROOT);
  }
}
