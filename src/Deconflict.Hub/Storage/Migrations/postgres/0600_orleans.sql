-- The tables and queries Microsoft Orleans' ADO.NET providers use when hubs run as a cluster on this database
-- (serve --cluster): the membership table (which nodes are alive, written by the nodes' failure detectors) and grain
-- storage (the cluster's leases, each row versioned so that a stale writer is refused). Orleans reads its queries from
-- OrleansQuery by key and binds them by parameter name; the result columns are read by name.

CREATE TABLE OrleansQuery (
    QueryKey  varchar(64)   NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- Membership: one version row per cluster, bumped by every membership change (optimistic concurrency), and one row
-- per silo incarnation.
CREATE TABLE OrleansMembershipVersionTable (
    DeploymentId varchar(150)   NOT NULL PRIMARY KEY,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0
);

CREATE TABLE OrleansMembershipTable (
    DeploymentId varchar(150)   NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address      varchar(45)    NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NULL,
    SuspectTimes varchar(8000)  NULL,
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Each returns 1 when it changed what it was asked to, 0 when the version it was given is no longer current.
CREATE FUNCTION orleans_insert_membership_version(deployment varchar) RETURNS TABLE(row_count integer) AS $$
DECLARE n integer;
BEGIN
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (deployment) ON CONFLICT (DeploymentId) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN QUERY SELECT n;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION orleans_insert_membership(deployment varchar, address_ varchar, port_ integer, generation_ integer, silo_name varchar,
    host_name varchar, status_ integer, proxy_port integer, start_time timestamptz, i_am_alive timestamptz, version_ integer)
RETURNS TABLE(row_count integer) AS $$
DECLARE n integer;
BEGIN
    UPDATE OrleansMembershipVersionTable SET Timestamp = now(), Version = Version + 1
        WHERE DeploymentId = deployment AND Version = version_ AND Version < 2147483647;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
        RETURN QUERY SELECT 0;
        RETURN;
    END IF;
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        VALUES (deployment, address_, port_, generation_, silo_name, host_name, status_, proxy_port, start_time, i_am_alive)
        ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
        -- The row exists: undo the version bump with the whole call.
        RAISE EXCEPTION 'membership row exists' USING ERRCODE = 'unique_violation';
    END IF;
    RETURN QUERY SELECT 1;
EXCEPTION WHEN unique_violation THEN
    RETURN QUERY SELECT 0;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION orleans_update_membership(deployment varchar, address_ varchar, port_ integer, generation_ integer, status_ integer,
    suspect_times varchar, i_am_alive timestamptz, version_ integer)
RETURNS TABLE(row_count integer) AS $$
DECLARE n integer;
BEGIN
    UPDATE OrleansMembershipVersionTable SET Timestamp = now(), Version = Version + 1
        WHERE DeploymentId = deployment AND Version = version_ AND Version < 2147483647;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
        RETURN QUERY SELECT 0;
        RETURN;
    END IF;
    UPDATE OrleansMembershipTable SET Status = status_, SuspectTimes = suspect_times, IAmAliveTime = GREATEST(IAmAliveTime, i_am_alive)
        WHERE DeploymentId = deployment AND Address = address_ AND Port = port_ AND Generation = generation_;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
        RAISE EXCEPTION 'no membership row' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN QUERY SELECT 1;
EXCEPTION WHEN no_data_found THEN
    RETURN QUERY SELECT 0;
END
$$ LANGUAGE plpgsql;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpdateIAmAlivetimeKey', '
    UPDATE OrleansMembershipTable SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
'),
('InsertMembershipVersionKey', '
    SELECT * FROM orleans_insert_membership_version(@DeploymentId);
'),
('InsertMembershipKey', '
    SELECT * FROM orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
        @StartTime, @IAmAliveTime, @Version);
'),
('UpdateMembershipKey', '
    SELECT * FROM orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);
'),
('MembershipReadRowKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort, m.SuspectTimes,
        m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
'),
('MembershipReadAllKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort, m.SuspectTimes,
        m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
'),
('GatewaysQueryKey', '
    SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
'),
-- Dead rows (status 6) older than the given time and not suspected.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND StartTime < @IAmAliveTime
        AND COALESCE(SuspectTimes, '''') = '''' AND Status = 6;
'),
-- One dead row, only if it is still exactly as it was read.
('CleanupDefunctSiloEntryKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = 6 AND Address = @Address AND Port = @Port AND Generation = @Generation
        AND IAmAliveTime = @IAmAliveTime AND StartTime = @StartTime AND COALESCE(SuspectTimes, '''') = COALESCE(@SuspectTimes, '''');
');

-- Grain storage: one row per grain state, with a version that every write must name (the ETag).
CREATE TABLE OrleansStorage (
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamp    NOT NULL,
    Version                integer      NULL
);
CREATE INDEX OrleansStorage_Grain ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Writes the state when the version given is the stored one (or inserts it when none is stored and none was read);
-- returns the new version, or the old one when nothing was written (Orleans then refuses the write as stale).
CREATE FUNCTION orleans_write_storage(id_hash integer, id_n0 bigint, id_n1 bigint, type_hash integer, type_string varchar,
    id_extension varchar, service varchar, version_ integer, payload_binary bytea)
RETURNS TABLE(newgrainstateversion integer) AS $$
DECLARE n integer;
BEGIN
    IF version_ IS NOT NULL THEN
        UPDATE OrleansStorage SET PayloadBinary = payload_binary, ModifiedOn = (now() AT TIME ZONE 'utc'), Version = Version + 1
        WHERE GrainIdHash = id_hash AND GrainTypeHash = type_hash AND GrainIdN0 = id_n0 AND GrainIdN1 = id_n1
            AND GrainTypeString = type_string AND GrainIdExtensionString IS NOT DISTINCT FROM id_extension
            AND ServiceId = service AND Version = version_;
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN QUERY SELECT CASE WHEN n > 0 THEN version_ + 1 ELSE version_ END;
        RETURN;
    END IF;
    -- Serialises concurrent first writes of one grain so that only one insert succeeds.
    PERFORM pg_advisory_xact_lock(id_hash);
    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
        PayloadBinary, ModifiedOn, Version)
    SELECT id_hash, id_n0, id_n1, type_hash, type_string, id_extension, service, payload_binary, (now() AT TIME ZONE 'utc'), 1
    WHERE NOT EXISTS (SELECT 1 FROM OrleansStorage WHERE GrainIdHash = id_hash AND GrainTypeHash = type_hash AND GrainIdN0 = id_n0
        AND GrainIdN1 = id_n1 AND GrainTypeString = type_string AND GrainIdExtensionString IS NOT DISTINCT FROM id_extension
        AND ServiceId = service);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN QUERY SELECT CASE WHEN n > 0 THEN 1 ELSE NULL::integer END;
END
$$ LANGUAGE plpgsql;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
    SELECT * FROM orleans_write_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
        @ServiceId, @GrainStateVersion, @PayloadBinary);
'),
('ReadFromStorageKey', '
    SELECT PayloadBinary, (now() AT TIME ZONE ''utc''), Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND ServiceId = @ServiceId;
'),
('ClearStorageKey', '
    UPDATE OrleansStorage SET PayloadBinary = NULL, Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
        AND ServiceId = @ServiceId AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
');
