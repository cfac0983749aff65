-- Aggregation: units packed into a case (a logistic unit identified by its SSCC). The parent-child
-- relation lives on the unit (one parent at a time); the case row says where and when it was packed.
CREATE TABLE shipping_case (
    sscc        VARCHAR(18)  NOT NULL PRIMARY KEY,
    line        VARCHAR(64)  NOT NULL,
    station     VARCHAR(64),
    device      VARCHAR(64),
    packed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

ALTER TABLE serial ADD COLUMN parent_sscc VARCHAR(18);
-- the DUPLICATE window is per station: a unit moving on to the next station is not a repeat
ALTER TABLE serial ADD COLUMN last_accepted_station VARCHAR(64);
CREATE INDEX serial_parent ON serial (parent_sscc);

-- Camel's JDBC aggregation repository for open case reads (one group per reader or packing scanner):
-- a read is acknowledged to the broker once it is here, so a restart loses no half-read case.
-- Layout required by org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository.
CREATE TABLE case_read (
    id       VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA        NOT NULL,
    version  BIGINT       NOT NULL
);
CREATE TABLE case_read_completed (
    id       VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA        NOT NULL,
    version  BIGINT       NOT NULL
);
