-- Erasure tombstones (Art. 17(1), 5(2)): one row per erased subject, written in the erasure's
-- transaction, so that an erasure can be carried out again when a backup taken before it is restored
-- (DataSubjectRights.reapplyErasures). The subject is named only by the keyed pseudonym of its root's
-- identifier, as the audit names it: no identity in clear, and no contact identity at all (a person
-- who signs up again after the erasure with the same e-mail address is somebody to keep).
-- Kept as long as a backup older than the erasure may be restored, then deleted
-- (ErasureTombstoneStore.deleteErasedBefore). Same instant format as the other tables.

create table lethe_erasure_tombstone (
  subject          varchar(64)  not null primary key,
  subject_type     varchar(100) not null,
  ground           varchar(40)  not null,
  erased_at        varchar(40)  not null
);

-- since(instant) and deleteErasedBefore(cutoff): tombstones by the time of their erasure.
create index lethe_erasure_tombstone_erased on lethe_erasure_tombstone (erased_at);
