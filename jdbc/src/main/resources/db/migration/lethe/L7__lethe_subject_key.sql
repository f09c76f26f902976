-- Crypto-shredding (Art. 17(1), 32(1)(a)): one data key per subject, by which lethe-crypto encrypts
-- the subject's @Encrypted attributes. The subject is named by its keyed pseudonym, never in clear;
-- the key is stored wrapped (encrypted) by a key-encryption key kept outside the database (a local
-- Tink keyset or a KMS), named by kek_id. Erasing the subject deletes its row in the erasure's
-- transaction: every copy of its encrypted values, backups included, becomes unreadable.

create table lethe_subject_key (
  subject      varchar(64)   not null primary key,
  wrapped_key  varchar(1000) not null,
  kek_id       varchar(200)  not null,
  created_at   varchar(40)   not null
);

-- Rotation of the key-encryption key re-wraps the rows still under an older one.
create index lethe_subject_key_kek on lethe_subject_key (kek_id);
