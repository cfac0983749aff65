-- The serial pool for printing: a provisioned serial handed to a print job is reserved for it by
-- print_job_id, so no other job (thread or hub instance) can receive it, and a serial whose label
-- failed keeps its reservation (and is decommissioned with the reason) instead of being reused.
ALTER TABLE serial ADD COLUMN print_job_id VARCHAR(36);

-- the allocation query walks provisioned, unreserved serials of one GTIN in serial order. status leads:
-- with gtin first, PostgreSQL planning on a still-empty table picked this index over the primary key
-- for (gtin, serial) lookups, and a 100,000-row import then scanned the whole GTIN per row (677 s vs 6 s)
CREATE INDEX serial_pool ON serial (status, gtin, print_job_id, serial);
