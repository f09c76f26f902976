-- The subjects told of a breach (Art. 34(1)), by keyed pseudonym: the proof that they were told, and
-- what keeps a subject from being told twice once the outbox has deleted the delivered notice.
create table lethe_breach_subject (
  breach_id  varchar(36) not null,
  subject    varchar(64) not null,
  told_at    varchar(40) not null,
  primary key (breach_id, subject)
);
