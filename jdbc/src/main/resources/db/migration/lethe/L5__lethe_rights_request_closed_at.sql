-- When a rights request closed (completed, rejected or cancelled): the store stamps it the first time
-- it saves the request closed. Closed requests lose their identity value a period after it
-- (RequestStore.clearIdentitiesClosedBefore), so that Lethe's own table keeps no identity longer
-- than needed (Art. 5(1)(c), 5(1)(e)). Same instant format as the other columns.
alter table lethe_rights_request add column closed_at varchar(40);
-- clearIdentitiesClosedBefore: closed requests by closing time.
create index lethe_rights_request_closed on lethe_rights_request (closed_at);
-- findBySubject: the requests made under one identity, on erasure.
create index lethe_rights_request_subject on lethe_rights_request (subject_type, identity_kind);
