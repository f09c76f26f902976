package dev.lethe.jpa.internal;

import dev.lethe.annotation.Encrypted;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.crypto.SubjectKeys;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.IdentityMatch;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.spi.FieldEraser;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.ManagedType;
import java.io.Serial;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreLoadEvent;
import org.hibernate.event.spi.PreLoadEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Crypto-shredding of {@link Encrypted} attributes (Art. 17(1), 32(1)(a)) on a JPA factory:
 * Hibernate listeners encrypt each value with its row's subject's key on its way to the database
 * (before insert and update, restoring the clear value in the persistence context afterwards, so
 * that the entity stays clean) and decrypt it before the loaded state reaches the entity and its
 * snapshot; a value whose key was destroyed loads as the erasure strategy's placeholder. The subject
 * of a row is found along its owner's route: the root's own identifier, or to-one associations to
 * the root. The export decrypts through {@link #reveal}, identity lookup uses the blind index, and
 * erasure destroys the subject's key in its transaction ({@link #shred}).
 */
public final class FieldEncryption
    implements Encryption,
        PreInsertEventListener,
        PostInsertEventListener,
        PreUpdateEventListener,
        PostUpdateEventListener,
        PreLoadEventListener {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * One encrypted attribute of one entity class, with what its listeners need, looked up once at
   * start-up: {@code position} and {@code blindPosition} are the attribute's and its blind index's
   * places in the state arrays of the class's persister (-1 without a blind index).
   */
  private record Target(
      FieldDescriptor field,
      int position,
      String subjectType,
      List<String> hops,
      boolean root,
      @Nullable String blindIndex,
      int blindPosition,
      IdentityMatch match,
      @Nullable Object placeholder) {}

  private final transient JpaMapping mapping;
  private final transient SubjectKeys keys;
  private final transient Map<Class<?>, List<Target>> targets;
  // The subject keys of each session's open transaction; weak, so that a session that never
  // completes its transaction is not kept alive by it.
  private final transient Map<SharedSessionContractImplementor, SubjectKeys.InTransaction>
      transactions = Collections.synchronizedMap(new WeakHashMap<>());

  private FieldEncryption(
      JpaMapping mapping, SubjectKeys keys, Map<Class<?>, List<Target>> targets) {
    this.mapping = mapping;
    this.keys = keys;
    this.targets = targets;
  }

  /**
   * The {@code @Encrypted} attributes of {@code mapping}'s entities, checked all at once.
   *
   * @param keys the subjects' keys; {@code null} when the store was built without them
   * @return the encryption to register, or {@link Encryption#NONE} when nothing is encrypted
   * @throws MappingProblemsException listing every encrypted attribute whose subject cannot be
   *     known when its row is written, or that cannot be encrypted or erased as declared
   */
  public static Encryption of(JpaMapping mapping, @Nullable Object keys, FieldEraser eraser) {
    List<MappingProblem> problems = new ArrayList<>();
    Map<Class<?>, List<Target>> targets = new LinkedHashMap<>();
    for (EntityInfo info : mapping.entities()) {
      Optional<EntityDescriptor> descriptor = mapping.model().entity(info.type());
      for (Field javaField : fieldsOf(info.type())) {
        Encrypted encrypted = javaField.getAnnotation(Encrypted.class);
        if (encrypted == null) {
          continue;
        }
        String name = javaField.getName();
        Optional<FieldDescriptor> field = descriptor.flatMap(entity -> entity.field(name));
        if (field.isEmpty()) {
          problems.add(
              new MappingProblem(
                  info.type(),
                  name,
                  "@Encrypted on an attribute that is not personal data.",
                  "Annotate it with @PersonalData, or remove @Encrypted."));
          continue;
        }
        if (keys == null) {
          problems.add(
              new MappingProblem(
                  info.type(),
                  name,
                  "@Encrypted, but the store has no subject keys.",
                  "Add lethe-crypto and build the store with JpaPersonalDataStore.builder(..).encryption(subjectKeys)."));
          continue;
        }
        target(mapping, info, descriptor.get(), field.get(), encrypted, eraser, problems)
            .ifPresent(
                target ->
                    targets.computeIfAbsent(info.type(), type -> new ArrayList<>()).add(target));
      }
    }
    Encryption.encryptedInsideEmbeddables(mapping)
        .forEach(
            found ->
                problems.add(
                    new MappingProblem(
                        found.getKey(),
                        found.getValue(),
                        "@Encrypted inside an embedded value, which Lethe cannot encrypt yet.",
                        "Move the attribute into the entity, or remove @Encrypted.")));
    if (!problems.isEmpty()) {
      throw new MappingProblemsException(problems);
    }
    if (targets.isEmpty()) {
      return NONE;
    }
    return new FieldEncryption(mapping, (SubjectKeys) keys, targets);
  }

  private static Optional<Target> target(
      JpaMapping mapping,
      EntityInfo info,
      EntityDescriptor descriptor,
      FieldDescriptor field,
      Encrypted encrypted,
      FieldEraser eraser,
      List<MappingProblem> problems) {
    Class<?> type = info.type();
    int before = problems.size();
    if (field.type() != String.class || field.collection()) {
      problems.add(
          new MappingProblem(
              type,
              field.name(),
              "@Encrypted on a "
                  + (field.collection() ? "collection" : "non-String")
                  + " attribute: its column cannot hold the ciphertext.",
              "Encrypt String attributes only."));
    }
    ErasureStrategy strategy = field.erasure().strategy();
    if (strategy == ErasureStrategy.HASH
        || strategy == ErasureStrategy.MASK
        || strategy == ErasureStrategy.KEEP) {
      problems.add(
          new MappingProblem(
              type,
              field.name(),
              "@Encrypted with erasure "
                  + strategy
                  + ": erasure destroys the"
                  + " subject's key, so the value can be neither kept nor hashed or masked from the ciphertext.",
              "Use erasure NULLIFY, REPLACE or DELETE_ROW, or remove @Encrypted."));
    }
    List<SubjectRoute> owners = descriptor.routes().stream().filter(field::belongsTo).toList();
    if (owners.size() != 1) {
      problems.add(
          new MappingProblem(
              type,
              field.name(),
              "@Encrypted, but the attribute's subject is not one route's: "
                  + owners.stream().map(SubjectRoute::name).toList()
                  + ".",
              "Name its owner with @PersonalData(of = ..)."));
      return Optional.empty();
    }
    SubjectRoute route = owners.get(0);
    SubjectType subjectType = mapping.model().subjectType(route.subjectType()).orElseThrow();
    List<String> path = route.path();
    List<String> hops = path.subList(0, path.size() - 1);
    String unknown =
        "@Encrypted, but the subject of a row is not known when it is written: its route "
            + route.dottedPath()
            + " ";
    String fix =
        "Encrypt attributes of the subject's root, or of entities reaching it through to-one associations"
            + " (@ManyToOne, @OneToOne), or remove @Encrypted.";
    if (route.hasReverseHop() || !path.get(path.size() - 1).equals(subjectType.idAttribute())) {
      problems.add(
          new MappingProblem(
              type, field.name(), unknown + "is a collection or a link column.", fix));
    } else {
      ManagedType<?> current = info.jpa();
      for (String hop : hops) {
        Optional<Attribute<?, ?>> attribute = EntityInfo.attribute(current, hop);
        if (attribute.isEmpty()
            || !attribute.get().isAssociation()
            || attribute.get().isCollection()) {
          problems.add(
              new MappingProblem(
                  type,
                  field.name(),
                  unknown + "follows " + hop + ", which is not a to-one association.",
                  fix));
          break;
        }
        current = mapping.entity(attribute.get().getJavaType()).jpa();
      }
    }
    boolean root = hops.isEmpty();
    if (root
        && info.mapping().getEntityPersister().getGenerator() != null
        && info.mapping().getEntityPersister().getGenerator().generatedOnExecution()) {
      problems.add(
          new MappingProblem(
              type,
              field.name(),
              unknown
                  + "is the row's own identifier, which the database"
                  + " generates on insert (IDENTITY).",
              "Generate the identifier before the insert (SEQUENCE, UUID or"
                  + " assigned), or remove @Encrypted."));
    }
    String identity =
        subjectType.identities().entrySet().stream()
            .filter(entry -> root && entry.getValue().equals(field.name()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    String blindIndex = encrypted.blindIndex().isEmpty() ? null : encrypted.blindIndex();
    if (identity != null && blindIndex == null) {
      problems.add(
          new MappingProblem(
              type,
              field.name(),
              "@Encrypted on the subject identity '"
                  + identity
                  + "' with no"
                  + " blind index: no request could find the subject by it.",
              "Add a String attribute of at least 64 characters and name it in @Encrypted(blindIndex = ..)."));
    }
    if (blindIndex != null) {
      Optional<Attribute<?, ?>> index = EntityInfo.attribute(info.jpa(), blindIndex);
      if (identity == null) {
        problems.add(
            new MappingProblem(
                type,
                field.name(),
                "@Encrypted(blindIndex) on an attribute that is no subject"
                    + " identity of its root: nothing looks it up.",
                "Remove blindIndex, or mark the attribute @SubjectIdentity."));
      } else if (index.isEmpty() || index.get().getJavaType() != String.class) {
        problems.add(
            new MappingProblem(
                type,
                field.name(),
                "@Encrypted(blindIndex = \""
                    + blindIndex
                    + "\") names no String"
                    + " attribute of "
                    + type.getSimpleName()
                    + ".",
                "Add a String attribute of at least 64 characters by"
                    + " that name, or name an existing one."));
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    IdentityMatch match =
        identity == null
            ? IdentityMatch.EXACT
            : subjectType
                .identityRule(identity)
                .map(SubjectType.IdentityRule::match)
                .orElse(IdentityMatch.EXACT);
    Object placeholder = strategy == ErasureStrategy.REPLACE ? eraser.erase(field, null) : null;
    EntityPersister persister = info.mapping().getEntityPersister();
    return Optional.of(
        new Target(
            field,
            persister.getPropertyIndex(field.name()),
            subjectType.name(),
            hops,
            root,
            blindIndex,
            blindIndex == null ? -1 : persister.getPropertyIndex(blindIndex),
            match,
            placeholder));
  }

  private static List<Field> fieldsOf(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      for (Field field : current.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /** Appends the listeners to the factory's registry: no global state, no service file. */
  public void register() {
    EventListenerRegistry registry = mapping.factory().getEventListenerRegistry();
    registry.appendListeners(EventType.PRE_INSERT, this);
    registry.appendListeners(EventType.POST_INSERT, this);
    registry.appendListeners(EventType.PRE_UPDATE, this);
    registry.appendListeners(EventType.POST_UPDATE, this);
    registry.appendListeners(EventType.PRE_LOAD, this);
  }

  @Override
  public boolean onPreInsert(PreInsertEvent event) {
    encrypt(
        event.getEntity(),
        event.getId(),
        event.getState(),
        event.getPersister(),
        event.getSession(),
        true);
    return false;
  }

  @Override
  public boolean onPreUpdate(PreUpdateEvent event) {
    encrypt(
        event.getEntity(),
        event.getId(),
        event.getState(),
        event.getPersister(),
        event.getSession(),
        false);
    return false;
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    restore(event.getEntity(), event.getState(), event.getPersister(), event.getSession());
  }

  @Override
  public void onPostUpdate(PostUpdateEvent event) {
    restore(event.getEntity(), event.getState(), event.getPersister(), event.getSession());
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }

  @Override
  public void onPreLoad(PreLoadEvent event) {
    Object[] state = event.getState();
    List<Target> list =
        event.getPersister() == null ? null : targets.get(event.getPersister().getMappedClass());
    if (state == null || list == null) {
      return;
    }
    for (Target target : list) {
      state[target.position()] = reveal(target, state[target.position()]);
    }
  }

  private void encrypt(
      Object entity,
      @Nullable Object id,
      Object[] state,
      EntityPersister persister,
      SharedSessionContractImplementor session,
      boolean inserted) {
    List<Target> list = targets.get(persister.getMappedClass());
    if (list == null) {
      return;
    }
    for (Target target : list) {
      int index = target.position();
      if (target.blindIndex() != null) {
        int blind = target.blindPosition();
        String indexed =
            state[index] instanceof String clear && !SubjectKeys.isEncrypted(clear)
                ? keys.blindIndex(
                    scope(persister.getMappedClass(), target), target.match().normalize(clear))
                : state[index] == null ? null : (String) state[blind];
        state[blind] = indexed;
        // The entity holds the index too, so that the next flush finds nothing changed.
        persister.setValue(entity, blind, indexed);
      }
      if (!(state[index] instanceof String clear) || SubjectKeys.isEncrypted(clear)) {
        continue;
      }
      Object subjectId = subjectId(entity, id, target, session);
      if (subjectId == null) {
        throw new IllegalStateException(
            "Cannot encrypt "
                + persister.getMappedClass().getSimpleName()
                + "."
                + target.field().name()
                + ": the row reaches no "
                + target.subjectType()
                + " along "
                + String.join(".", target.hops())
                + " when it is written, so its subject's key is unknown");
      }
      SubjectKey subject = new SubjectKey(target.subjectType(), subjectId);
      if (!session.isTransactionInProgress()) {
        state[index] = keys.encrypt(subject, clear);
      } else if (inserted && target.root()) {
        // The insert of the subject's root: its key is almost always still to be made.
        state[index] = keysOf(session).encryptForNewSubject(subject, clear);
      } else {
        state[index] = keysOf(session).encrypt(subject, clear);
      }
    }
  }

  /**
   * The keys of {@code session}'s transaction: a new subject's key is stored in it, on its
   * connection, and reaches the shared cache only once the transaction has committed.
   */
  private SubjectKeys.InTransaction keysOf(SharedSessionContractImplementor session) {
    SubjectKeys.InTransaction open = transactions.get(session);
    if (open != null) {
      return open;
    }
    SubjectKeys.InTransaction started =
        keys.inTransaction(
            session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection());
    transactions.put(session, started);
    session
        .getTransactionCompletionCallbacks()
        .registerCallback(
            (TransactionCompletionCallbacks.AfterCompletionCallback)
                (committed, completed) -> {
                  transactions.remove(completed);
                  started.completed(committed);
                });
    return started;
  }

  /** After the write, the persistence context holds the clear values again, as the entity does. */
  private void restore(
      Object entity,
      Object[] state,
      EntityPersister persister,
      SharedSessionContractImplementor session) {
    List<Target> list = targets.get(persister.getMappedClass());
    if (list == null) {
      return;
    }
    EntityEntry entry = session.getPersistenceContextInternal().getEntry(entity);
    Object[] loaded = entry == null ? null : entry.getLoadedState();
    for (Target target : list) {
      int index = target.position();
      Object clear = persister.getValue(entity, index);
      state[index] = clear;
      if (loaded != null && loaded != state) {
        loaded[index] = clear;
      }
    }
  }

  private static @Nullable Object subjectId(
      Object entity, @Nullable Object id, Target target, SharedSessionContractImplementor session) {
    if (target.root()) {
      return id;
    }
    Object current = entity;
    for (String hop : target.hops()) {
      Object unproxied = Hibernate.unproxy(current);
      current =
          session
              .getFactory()
              .getMappingMetamodel()
              .getEntityDescriptor(unproxied.getClass())
              .getPropertyValue(unproxied, hop);
      if (current == null) {
        return null;
      }
    }
    return session.getFactory().getPersistenceUnitUtil().getIdentifier(current);
  }

  private @Nullable Object reveal(Target target, @Nullable Object stored) {
    if (!(stored instanceof String text)) {
      return stored;
    }
    return keys.decrypt(text).map(Object.class::cast).orElse(target.placeholder());
  }

  private static String scope(Class<?> type, Target target) {
    return type.getSimpleName() + "." + target.field().name();
  }

  @Override
  public @Nullable Object reveal(Class<?> entity, FieldDescriptor field, @Nullable Object stored) {
    List<Target> list = targets.get(entity);
    if (list == null || stored == null) {
      return stored;
    }
    for (Target target : list) {
      if (target.field().name().equals(field.name())) {
        return reveal(target, stored);
      }
    }
    return stored;
  }

  @Override
  public Optional<BlindLookup> blindIndex(Class<?> root, String attribute) {
    return targets.getOrDefault(root, List.of()).stream()
        .filter(target -> target.blindIndex() != null && target.field().name().equals(attribute))
        .findFirst()
        .map(
            target ->
                new BlindLookup(
                    target.blindIndex(),
                    value ->
                        keys.blindIndex(scope(root, target), target.match().normalize(value))));
  }

  @Override
  public void shred(
      EntityManager em, ErasurePlan plan, Object key, Map<Class<?>, ErasurePlan.RowCount> counts) {
    String subjectType = plan.subject().subjectType();
    boolean encryptsAny =
        targets.values().stream()
            .flatMap(List::stream)
            .anyMatch(target -> target.subjectType().equals(subjectType));
    if (!encryptsAny) {
      return;
    }
    SubjectKey subject = new SubjectKey(subjectType, key);
    // The blind indexes of the subject's identities go with the identities: they name the person
    // too.
    SubjectType type = mapping.model().subjectType(subjectType).orElseThrow();
    EntityInfo root = mapping.entity(type.root());
    for (Target target : targets.getOrDefault(type.root(), List.of())) {
      if (target.blindIndex() != null) {
        em.createQuery(
                "update "
                    + root.name()
                    + " r set r."
                    + target.blindIndex()
                    + " = null where r."
                    + root.idAttribute()
                    + " = :key")
            .setParameter("key", key)
            .executeUpdate();
      }
    }
    SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
    SubjectKeys.InTransaction open = transactions.get(session);
    // A key this transaction made is forgotten with the row, so that no later value is encrypted
    // with it.
    boolean destroyed =
        open != null
            ? open.destroy(subject)
            : em.unwrap(Session.class)
                .doReturningWork(connection -> keys.destroy(connection, subject));
    if (!destroyed) {
      return;
    }
    for (ErasurePlan.Step step : plan.steps()) {
      Set<String> shredded = new LinkedHashSet<>();
      for (Target target : targets.getOrDefault(step.entity().type(), List.of())) {
        if (target.subjectType().equals(subjectType) && target.field().belongsTo(step.route())) {
          shredded.add(target.field().name());
        }
      }
      if (!shredded.isEmpty()) {
        counts.merge(
            step.entity().type(),
            new ErasurePlan.RowCount(0, 0, List.copyOf(shredded)),
            ErasurePlan.RowCount::plus);
      }
    }
  }
}
