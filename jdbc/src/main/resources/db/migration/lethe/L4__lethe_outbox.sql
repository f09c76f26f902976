-- The outbox (Art. 19, and every other message that leaves Lethe): one row per message, written in
-- the transaction of the change that caused it, claimed by dispatchers with FOR UPDATE SKIP LOCKED.
-- The payload may hold the subject's identity, which the recipient needs to find its copy: it is
-- cleared (set to null) when the message is delivered, and kept while pending or dead so that a
-- retry can still deliver it. Delivered rows keep only the key, the destination and the timestamps.

create table lethe_outbox (
  id                varchar(36)  not null primary key,
  idempotency_key   varchar(200) not null,
  destination       varchar(200) not null,
  message_type      varchar(100) not null,
  payload           text,
  status            varchar(16)  not null,
  attempts          integer      not null,
  enqueued_at       varchar(40)  not null,
  -- The start of the current run of attempts (enqueued, or retried by an administrator): the
  -- maximum age counts from here.
  retry_since       varchar(40)  not null,
  next_attempt_at   varchar(40)  not null,
  last_failure      varchar(200),
  finished_at       varchar(40),
  constraint lethe_outbox_idempotency_key unique (idempotency_key)
);

-- Dispatchers look for pending rows by due time; the admin API lists dead rows by age.
create index lethe_outbox_due on lethe_outbox (status, next_attempt_at);
