-- The test shop's own first migration: Lethe's tables must not stop it from running.
create table shop_note (id bigint primary key, text varchar(200));
