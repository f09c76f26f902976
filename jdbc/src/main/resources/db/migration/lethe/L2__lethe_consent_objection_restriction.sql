-- Consent history (Art. 7), objections (Art. 21) and restrictions (Art. 18), keyed by the subject's
-- keyed pseudonym, never by an identity.

create table lethe_consent_record (
  subject                varchar(64)  not null,
  purpose                varchar(200) not null,
  position               integer      not null,
  state                  varchar(16)  not null,
  recorded_at            varchar(40)  not null,
  notice_version         varchar(100) not null,
  method                 varchar(32),
  bundled_with_contract  boolean      not null,
  expires_at             varchar(40),
  -- The history of one subject and purpose in the order it was written; append-only.
  primary key (subject, purpose, position)
);

create table lethe_objection (
  subject                varchar(64)  not null,
  purpose                varchar(200) not null,
  direct_marketing       boolean      not null,
  objected_at            varchar(40)  not null,
  overriding_grounds     text,
  overridden_at          varchar(40),
  primary key (subject, purpose)
);

create table lethe_restriction (
  subject                varchar(64)  not null primary key,
  request_id             varchar(36)  not null,
  ground                 varchar(40)  not null,
  restricted_from        varchar(40)  not null,
  restricted_until       varchar(40)
);
