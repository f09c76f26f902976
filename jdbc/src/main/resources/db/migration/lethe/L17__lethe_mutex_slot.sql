-- Mutual exclusion across replicas (JdbcMutex) by fixed rows: a transaction locks the row of its key's
-- slot (select ... for update, the key's hash modulo 1,024) and holds it until it ends. The rows never
-- change, so waiters queue on a row lock. L16's insert-then-delete of the key's own row made InnoDB
-- deadlock its waiters (each takes a shared lock on the duplicate key, then wants it exclusively), and
-- no key, not even a keyed pseudonym, is written now. lethe_mutex stays, empty, for replicas of the
-- previous version during a rolling upgrade; a later migration drops it.
create table lethe_mutex_slot (
  slot integer not null primary key
);
insert into lethe_mutex_slot (slot)
  with recursive s (n) as (select 0 union all select n + 1 from s where n < 31)
  select a.n * 32 + b.n from s a cross join s b;
