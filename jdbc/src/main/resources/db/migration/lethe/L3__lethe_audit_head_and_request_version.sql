-- Several replicas share one audit chain and one request table.
--
-- lethe_audit_head: the chain's head, one row. Every append locks it (select ... for update) in the
-- append's transaction, computes the next event from it, inserts the event and moves the head, so
-- that concurrent writers of every replica are serialised by the database and the chain never forks.
create table lethe_audit_head (
  id               integer      not null primary key,
  sequence_number  bigint       not null,
  hash             varchar(64)  not null
);
insert into lethe_audit_head (id, sequence_number, hash)
  values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
update lethe_audit_head
  set sequence_number = (select max(m.sequence_number) from lethe_audit_event m),
      hash = (select e.hash from lethe_audit_event e
              where e.sequence_number = (select max(m.sequence_number) from lethe_audit_event m))
  where exists (select 1 from lethe_audit_event);

-- lethe_rights_request.row_version: how many times the request changed; every change is a
-- conditional update from the version read (update ... where id = ? and row_version = ?), so that of
-- two replicas moving one request exactly one wins.
alter table lethe_rights_request add column row_version bigint default 0 not null;
