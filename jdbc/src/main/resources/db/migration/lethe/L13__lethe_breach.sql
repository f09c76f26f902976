-- The register of personal-data breaches (Art. 33(5)), one row per breach, shared by every replica.
-- The texts describe the breach, written by the controller's staff, never a person; the subjects a
-- breach affects are not kept here but told through lethe_outbox (Art. 34(1)). Times are ISO-8601
-- instants, as in the other tables; the 72-hour deadline is computed from aware_at on every read, so
-- every replica agrees on it. A change is a conditional update on version.
create table lethe_breach (
  id                    varchar(36)   not null primary key,
  aware_at              varchar(40)   not null,
  recorded_at           varchar(40)   not null,
  nature                varchar(2000) not null,
  data_categories       varchar(1000) not null,
  subject_types         varchar(1000) not null,
  approximate_subjects  bigint        not null,
  approximate_records   bigint        not null,
  consequences          varchar(2000) not null,
  measures              varchar(2000) not null,
  dpo_contact           varchar(320)  not null,
  risk                  varchar(16)   not null,
  authority_notified_at varchar(40),
  delay_reasons         varchar(2000),
  subjects_notified_at  varchar(40),
  subjects_notified     bigint        not null,
  version               bigint        not null
);

create index lethe_breach_aware_at on lethe_breach (aware_at);
