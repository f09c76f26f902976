-- Lethe's own tables. They keep their own Flyway history (lethe_schema_history), so these version
-- numbers never mix with the application's migrations. Written in the SQL that H2, PostgreSQL and
-- MariaDB share. Instants are stored as ISO-8601 text with nine fraction digits: exact to the
-- nanosecond on every database (the audit chain hashes them), and ordered correctly as text.

create table lethe_rights_request (
  id                      varchar(36)  not null primary key,
  request_type            varchar(32)  not null,
  subject_type            varchar(100) not null,
  identity_kind           varchar(100) not null,
  identity_value          varchar(320) not null,
  channel                 varchar(16)  not null,
  received_at             varchar(40)  not null,
  original_due_date       date         not null,
  due_date                date         not null,
  status                  varchar(16)  not null,
  is_open                 boolean      not null,
  verification_required   boolean      not null,
  verification_method     varchar(200),
  verified_at             varchar(40),
  extension_reason        text,
  extended_due_date       date,
  extended_at             varchar(40),
  rejection_reason        varchar(32),
  rejection_explanation   text,
  rejection_remedies      text,
  rejected_at             varchar(40),
  cancellation_reason     text,
  cancelled_at            varchar(40)
);
-- findOpen and findOpenDueOnOrBefore: open requests by due date, then receipt.
create index lethe_rights_request_open_due on lethe_rights_request (is_open, due_date, received_at);

create table lethe_audit_event (
  sequence_number  bigint       not null primary key,
  occurred_at      varchar(40)  not null,
  event_type       varchar(40)  not null,
  request_id       varchar(36),
  request_type     varchar(32),
  subject          varchar(64),
  counts           text         not null,
  attributes       text         not null,
  previous_hash    varchar(64)  not null,
  hash             varchar(64)  not null
);

create table lethe_legal_hold (
  id               varchar(36)  not null primary key,
  subject_type     varchar(100),
  subject_id       varchar(200),
  subject_id_type  varchar(100),
  entity_type      varchar(300),
  reason           text         not null,
  placed_at        varchar(40)  not null
);
create index lethe_legal_hold_subject on lethe_legal_hold (subject_type, subject_id);

create table lethe_suppression (
  hash             varchar(64)  not null primary key,
  reason           varchar(500) not null,
  added_at         varchar(40)  not null
);

create table lethe_retention_run (
  id               varchar(36)  not null primary key,
  started_at       varchar(40)  not null,
  finished_at      varchar(40)  not null,
  dry_run          boolean      not null,
  policies         text         not null
);
-- latest(n): newest runs first.
create index lethe_retention_run_started on lethe_retention_run (started_at);
