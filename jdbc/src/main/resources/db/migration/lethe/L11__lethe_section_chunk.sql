-- Access across services (Art. 15): a participant's report of the subject's data comes in chunks, one
-- broker message each, so that no message outgrows the broker's limit. Each chunk is a row of its own,
-- kept only until the coordinator has written the subject's report, then deleted; deleting the
-- acknowledgement deletes its chunks. The only personal data these tables ever hold. The report kept
-- whole in lethe_acknowledgement.section (L10) is gone: nothing that used it was released.
alter table lethe_acknowledgement drop column section;

-- How many chunks have come, and how many there are once the last has come: the report is whole when
-- they are equal. Counted on the acknowledgement's row, which each chunk locks, so that replicas
-- keeping chunks of one report at once agree on the one that made it whole.
alter table lethe_acknowledgement add section_chunks integer default 0 not null;
alter table lethe_acknowledgement add section_chunk_count integer;

create table lethe_section_chunk (
  notice_key   varchar(200) not null,
  chunk_index  integer      not null,
  chunk_text   text         not null,
  primary key (notice_key, chunk_index),
  constraint lethe_section_chunk_acknowledgement foreign key (notice_key)
    references lethe_acknowledgement (notice_key) on delete cascade
);
