-- A printed label that the verification scanner did not read back in time is flagged once
-- (print.failed, reason NOT_VERIFIED); this marks the job as flagged.
ALTER TABLE print_job ADD COLUMN verify_flagged_at TIMESTAMP WITH TIME ZONE;
