-- Mutual exclusion across replicas (JdbcMutex): a transaction inserts a key's row, does its work and
-- deletes the row before it commits, so that another transaction inserting the same key waits for it.
-- A row exists only inside the transaction holding it: the table is empty at rest.
create table lethe_mutex (
  lock_key  varchar(100) not null primary key
);
