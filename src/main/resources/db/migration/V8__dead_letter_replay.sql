-- A dead letter can be replayed after a fix (HTTP or JMX); these say whether and when it was.
ALTER TABLE dead_letter ADD COLUMN replay_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dead_letter ADD COLUMN replayed_at TIMESTAMP WITH TIME ZONE;
