-- Housekeeping of the outbox: dead messages lose their payload (the subject's identity) a period
-- after they were declared dead, and delivered messages are deleted a period after delivery, both
-- found by status and finishing time (Outbox.clearDeadPayloads, Outbox.deleteDelivered).
create index lethe_outbox_finished on lethe_outbox (status, finished_at);
