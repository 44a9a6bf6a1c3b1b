-- The central lab database, version 1 (docs/lab.md, "Central database"). Applied by the first station or lab
-- instance that finds it missing, in one transaction under an advisory lock; also runs as is with psql.
-- Tables (central_*) hold what the stations replicate, keyed by station; the lab_* views are for reading.
-- Times are epoch milliseconds in the tables and seconds in the views; SI units throughout; current is
-- positive when anodic at the working / positive electrode (a battery charges).

CREATE TABLE IF NOT EXISTS lab_schema_version (
    version     INT         PRIMARY KEY,
    description TEXT        NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- This database's identity: a station that finds another id than the one its cursors were kept for (a new
-- or restored database) sends everything again.
CREATE TABLE lab_database (
    id         UUID        PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO lab_database (id) VALUES (gen_random_uuid());

CREATE TABLE central_run (
    station_id       TEXT    NOT NULL,
    run_id           BIGINT  NOT NULL,
    channel_id       TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    protocol_text    TEXT    NOT NULL,
    cell_json        TEXT    NOT NULL,
    hardware_json    TEXT    NOT NULL,
    software_version TEXT    NOT NULL,
    notes            TEXT,
    created_ms       BIGINT  NOT NULL,
    started_ms       BIGINT,
    ended_ms         BIGINT,
    end_reason       TEXT,
    -- Samples of the run in central_sample (not on the station: those arrive later).
    samples_stored   BIGINT  NOT NULL,
    last_sample_ms   BIGINT,
    PRIMARY KEY (station_id, run_id)
);

CREATE TABLE central_sample (
    station_id     TEXT             NOT NULL,
    run_id         BIGINT           NOT NULL,
    seq            BIGINT           NOT NULL,
    t_ms           BIGINT           NOT NULL,
    step_time_ms   BIGINT           NOT NULL,
    voltage_v      DOUBLE PRECISION NOT NULL,
    current_a      DOUBLE PRECISION NOT NULL,
    we_potential_v DOUBLE PRECISION,
    temperature_c  DOUBLE PRECISION,
    cycle          INT              NOT NULL,
    step_number    INT              NOT NULL,
    step_line      INT              NOT NULL,
    step_kind      TEXT             NOT NULL,
    PRIMARY KEY (station_id, run_id, seq)
);

CREATE TABLE central_event (
    station_id TEXT   NOT NULL,
    event_id   BIGINT NOT NULL,
    run_id     BIGINT NOT NULL,
    t_ms       BIGINT NOT NULL,
    kind       TEXT   NOT NULL,
    message    TEXT   NOT NULL,
    PRIMARY KEY (station_id, event_id)
);
CREATE INDEX central_event_run ON central_event (station_id, run_id, event_id);

-- Step and cycle summaries as the engine closed them (every field, so the lab reads the very records the
-- station wrote), plus the derived figures the views show, computed by the station's own code.
CREATE TABLE central_step (
    station_id         TEXT             NOT NULL,
    run_id             BIGINT           NOT NULL,
    step_number        INT              NOT NULL,
    cycle              INT              NOT NULL,
    step_line          INT              NOT NULL,
    kind               TEXT             NOT NULL,
    step_text          TEXT             NOT NULL,
    start_ms           BIGINT           NOT NULL,
    end_ms             BIGINT           NOT NULL,
    sample_count       BIGINT           NOT NULL,
    first_step_ms      BIGINT           NOT NULL,
    last_step_ms       BIGINT           NOT NULL,
    last_voltage_v     DOUBLE PRECISION NOT NULL,
    last_current_a     DOUBLE PRECISION NOT NULL,
    charge_c           DOUBLE PRECISION NOT NULL,
    discharge_c        DOUBLE PRECISION NOT NULL,
    charge_energy_j    DOUBLE PRECISION NOT NULL,
    discharge_energy_j DOUBLE PRECISION NOT NULL,
    first_voltage_v    DOUBLE PRECISION NOT NULL,
    min_voltage_v      DOUBLE PRECISION NOT NULL,
    max_voltage_v      DOUBLE PRECISION NOT NULL,
    voltage_seconds    DOUBLE PRECISION NOT NULL,
    drift_count        BIGINT           NOT NULL,
    drift_origin_ms    BIGINT           NOT NULL,
    drift_sum_t        DOUBLE PRECISION NOT NULL,
    drift_sum_tt       DOUBLE PRECISION NOT NULL,
    drift_sum_v        DOUBLE PRECISION NOT NULL,
    drift_sum_tv       DOUBLE PRECISION NOT NULL,
    charge_floor_c     DOUBLE PRECISION NOT NULL,
    end_reason         TEXT             NOT NULL,
    duration_s         DOUBLE PRECISION NOT NULL,
    mean_voltage_v     DOUBLE PRECISION,
    drift_v_per_h      DOUBLE PRECISION,
    PRIMARY KEY (station_id, run_id, step_number)
);

CREATE TABLE central_cycle (
    station_id                TEXT             NOT NULL,
    run_id                    BIGINT           NOT NULL,
    cycle                     INT              NOT NULL,
    first_step_number         INT              NOT NULL,
    last_step_number          INT              NOT NULL,
    start_ms                  BIGINT           NOT NULL,
    end_ms                    BIGINT           NOT NULL,
    duration_s                DOUBLE PRECISION NOT NULL,
    charge_c                  DOUBLE PRECISION NOT NULL,
    discharge_c               DOUBLE PRECISION NOT NULL,
    charge_half_steps         INT              NOT NULL,
    charge_half_c             DOUBLE PRECISION NOT NULL,
    charge_half_energy_j      DOUBLE PRECISION NOT NULL,
    charge_half_duration_s    DOUBLE PRECISION NOT NULL,
    charge_half_floor_c       DOUBLE PRECISION NOT NULL,
    charge_half_last_step     INT              NOT NULL,
    discharge_half_steps      INT              NOT NULL,
    discharge_half_c          DOUBLE PRECISION NOT NULL,
    discharge_half_energy_j   DOUBLE PRECISION NOT NULL,
    discharge_half_duration_s DOUBLE PRECISION NOT NULL,
    discharge_half_floor_c    DOUBLE PRECISION NOT NULL,
    discharge_half_last_step  INT              NOT NULL,
    battery                   BOOLEAN          NOT NULL,
    charge_capacity_c         DOUBLE PRECISION,
    discharge_capacity_c      DOUBLE PRECISION,
    coulombic_efficiency      DOUBLE PRECISION,
    energy_efficiency         DOUBLE PRECISION,
    voltage_gap_v             DOUBLE PRECISION,
    PRIMARY KEY (station_id, run_id, cycle)
);

CREATE TABLE central_calibration (
    station_id     TEXT   NOT NULL,
    calibration_id BIGINT NOT NULL,
    name           TEXT   NOT NULL,
    method         TEXT   NOT NULL,
    standards_json TEXT   NOT NULL,
    created_ms     BIGINT NOT NULL,
    PRIMARY KEY (station_id, calibration_id)
);

CREATE TABLE central_reading (
    station_id   TEXT   NOT NULL,
    reading_id   BIGINT NOT NULL,
    run_id       BIGINT NOT NULL,
    step_number  INT    NOT NULL,
    reading_json TEXT   NOT NULL,
    created_ms   BIGINT NOT NULL,
    PRIMARY KEY (station_id, reading_id)
);
CREATE INDEX central_reading_run ON central_reading (station_id, run_id, reading_id);

-- The views: what pandas, a notebook or Grafana read.

CREATE VIEW lab_runs AS
SELECT station_id, run_id, station_id || '/' || run_id AS global_run_id, channel_id, state,
       created_ms / 1000.0::float8 AS created_unix_time_s, started_ms / 1000.0::float8 AS started_unix_time_s,
       ended_ms / 1000.0::float8 AS ended_unix_time_s, end_reason, samples_stored,
       last_sample_ms / 1000.0::float8 AS last_sample_unix_time_s, protocol_text, cell_json::jsonb AS cell,
       hardware_json::jsonb AS hardware, software_version, notes
FROM central_run;

-- Test time counts from the run's start (its creation if it never started), as in every station export.
CREATE VIEW lab_samples AS
SELECT s.station_id, s.run_id,
       (s.t_ms - COALESCE(r.started_ms, r.created_ms)) / 1000.0::float8 AS test_time_s,
       s.t_ms / 1000.0::float8 AS unix_time_s,
       s.voltage_v, s.current_a, s.we_potential_v, s.cycle, s.step_number
FROM central_sample s
JOIN central_run r ON r.station_id = s.station_id AND r.run_id = s.run_id;

CREATE VIEW lab_steps AS
SELECT station_id, run_id, step_number, cycle, step_line, kind, step_text,
       start_ms / 1000.0::float8 AS start_unix_time_s, end_ms / 1000.0::float8 AS end_unix_time_s, duration_s,
       sample_count, charge_c, discharge_c, charge_energy_j, discharge_energy_j, first_voltage_v,
       last_voltage_v, min_voltage_v, max_voltage_v, mean_voltage_v, drift_v_per_h, last_current_a,
       charge_floor_c, end_reason
FROM central_step;

CREATE VIEW lab_cycles AS
SELECT station_id, run_id, cycle, first_step_number, last_step_number,
       start_ms / 1000.0::float8 AS start_unix_time_s, end_ms / 1000.0::float8 AS end_unix_time_s, duration_s,
       charge_c, discharge_c, charge_capacity_c, discharge_capacity_c, charge_half_energy_j,
       discharge_half_energy_j, coulombic_efficiency, energy_efficiency, voltage_gap_v, battery
FROM central_cycle;

CREATE VIEW lab_events AS
SELECT station_id, run_id, event_id, t_ms / 1000.0::float8 AS unix_time_s, kind, message
FROM central_event;

CREATE VIEW lab_readings AS
SELECT station_id, run_id, reading_id, step_number, created_ms / 1000.0::float8 AS entered_unix_time_s,
       reading_json::jsonb AS reading
FROM central_reading;

CREATE VIEW lab_calibrations AS
SELECT station_id, calibration_id, name, method, created_ms / 1000.0::float8 AS created_unix_time_s,
       standards_json::jsonb AS standards
FROM central_calibration;

-- Rights for the roles of docs/lab.md, "A lab install", when they exist: a station writes, an analyst reads.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lab_station') THEN
        GRANT SELECT ON lab_schema_version, lab_database TO lab_station;
        GRANT SELECT, INSERT, UPDATE ON central_run TO lab_station;
        GRANT SELECT, INSERT ON central_sample, central_event, central_step, central_cycle, central_calibration,
            central_reading TO lab_station;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lab_reader') THEN
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO lab_reader;
    END IF;
END
$$;

INSERT INTO lab_schema_version (version, description) VALUES (1, 'runs, samples, events, summaries, readings, calibrations and their lab_* views');
