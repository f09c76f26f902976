-- Changes passed on to other services (Art. 17(2), 19). Neither table holds personal data: requests,
-- names of services, outcomes, counts and the types of failures.
--
-- lethe_acknowledgement, on the coordinator: where each participant stands with each notice written
-- to it, one row per notice (its outbox idempotency key), written in the notice's transaction and
-- moved by the participant's receipt. A settled row (ACKNOWLEDGED, CLOSED) never moves again.
create table lethe_acknowledgement (
  notice_key       varchar(200) not null primary key,
  request_id       varchar(36)  not null,
  change_type      varchar(40)  not null,
  recipient        varchar(200) not null,
  status           varchar(16)  not null,
  outcome          varchar(16),
  rows_touched     bigint       not null,
  failure          varchar(200),
  since            varchar(40)  not null,
  expected_at      varchar(40)  not null
);

create index lethe_acknowledgement_request on lethe_acknowledgement (request_id);
create index lethe_acknowledgement_status on lethe_acknowledgement (status, since);

-- lethe_participant_receipt, on a participant: the receipt sent for each notice carried out, written
-- in the change's transaction, so that a notice delivered again is answered and not carried out twice.
create table lethe_participant_receipt (
  notice_key       varchar(200) not null primary key,
  request_id       varchar(36)  not null,
  participant      varchar(200) not null,
  outcome          varchar(16)  not null,
  rows_touched     bigint       not null,
  received_at      varchar(40)  not null
);

create index lethe_participant_receipt_received on lethe_participant_receipt (received_at);
