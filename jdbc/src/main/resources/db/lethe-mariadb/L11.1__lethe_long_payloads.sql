-- MariaDB and MySQL only (LetheSchema adds this location for them): their text holds 64 KB, less than
-- a chunk of a participant's report (256 KiB by default, up to 4 MiB, at most twice that escaped in
-- its outbox message). mediumtext holds 16 MB. PostgreSQL's and H2's text have no such limit.
-- Versions here sit between the shared ones (L11.1 after L11), so that both locations make one history.
alter table lethe_outbox modify payload mediumtext;
alter table lethe_section_chunk modify chunk_text mediumtext not null;
