-- CreateTable
CREATE TABLE "ComplianceLineCount" (
    "managerKey" INTEGER NOT NULL,
    "requirementId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ComplianceLineCount_pkey" PRIMARY KEY ("managerKey","requirementId","status")
);

-- CreateTable
CREATE TABLE "ComplianceLineDelta" (
    "id" BIGSERIAL NOT NULL,
    "managerKey" INTEGER NOT NULL,
    "requirementId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "ComplianceLineDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComplianceLineDelta_managerKey_idx" ON "ComplianceLineDelta"("managerKey");

-- Hand-written (invisible to Prisma's diff): the per-manager counts follow every change to
-- ComplianceStatus, whoever makes it (the refresh, the managerPath cascade when a line
-- moves, a person or requirement deleted by cascade), in the same transaction.

-- The lineKeys in a managerPath, top down ('/1/a/' -> 1, 10).
CREATE OR REPLACE FUNCTION rollcall_path_keys(path text) RETURNS SETOF integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ('x' || lpad(k, 8, '0'))::bit(32)::integer
  FROM unnest(string_to_array(trim(BOTH '/' FROM path), '/')) AS k
$$;

-- One statement-level trigger per event (transition tables allow one event each): -1 for
-- each old row, +1 for each new one, per manager above the person. The managers above are
-- the keys of the path without its last key (the person), the same for everyone with the
-- same manager, so rows are summed per (that path, requirement, status) before the keys
-- are expanded: about 8 times fewer rows to expand when a line moves or a seed fills the
-- table. Sums that cancel (a row rewritten with the same status and line) are not written.
CREATE OR REPLACE FUNCTION rollcall_compliance_line_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ComplianceLineDelta" ("managerKey", "requirementId", status, delta)
    SELECT m.key, g."requirementId", g.status, sum(g.delta)::int
    FROM (
      SELECT regexp_replace(n."managerPath", '[^/]+/$', '') AS above, n."requirementId", n.status, count(*) AS delta
      FROM new_rows n GROUP BY 1, 2, 3
    ) g CROSS JOIN LATERAL rollcall_path_keys(g.above) m(key)
    GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ComplianceLineDelta" ("managerKey", "requirementId", status, delta)
    SELECT m.key, g."requirementId", g.status, -sum(g.delta)::int
    FROM (
      SELECT regexp_replace(o."managerPath", '[^/]+/$', '') AS above, o."requirementId", o.status, count(*) AS delta
      FROM old_rows o GROUP BY 1, 2, 3
    ) g CROSS JOIN LATERAL rollcall_path_keys(g.above) m(key)
    GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "ComplianceLineDelta" ("managerKey", "requirementId", status, delta)
    SELECT m.key, g."requirementId", g.status, sum(g.delta)::int
    FROM (
      SELECT regexp_replace(c."managerPath", '[^/]+/$', '') AS above, c."requirementId", c.status, sum(c.delta) AS delta
      FROM (
        SELECT o."managerPath", o."requirementId", o.status, -1 AS delta FROM old_rows o
        UNION ALL
        SELECT n."managerPath", n."requirementId", n.status, 1 FROM new_rows n
      ) c
      GROUP BY 1, 2, 3
      HAVING sum(c.delta) <> 0
    ) g CROSS JOIN LATERAL rollcall_path_keys(g.above) m(key)
    GROUP BY 1, 2, 3
    HAVING sum(g.delta) <> 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER rollcall_compliance_line_insert AFTER INSERT ON "ComplianceStatus"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollcall_compliance_line_delta();
CREATE TRIGGER rollcall_compliance_line_update AFTER UPDATE ON "ComplianceStatus"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollcall_compliance_line_delta();
CREATE TRIGGER rollcall_compliance_line_delete AFTER DELETE ON "ComplianceStatus"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollcall_compliance_line_delta();

-- TRUNCATE skips row triggers: the counts start again from nothing with it.
CREATE OR REPLACE FUNCTION rollcall_compliance_line_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ComplianceLineDelta";
  DELETE FROM "ComplianceLineCount";
  RETURN NULL;
END
$$;
CREATE TRIGGER rollcall_compliance_line_truncate AFTER TRUNCATE ON "ComplianceStatus"
  FOR EACH STATEMENT EXECUTE FUNCTION rollcall_compliance_line_truncate();

-- The counts of the statuses stored before this migration.
INSERT INTO "ComplianceLineCount" ("managerKey", "requirementId", status, count)
SELECT m.key, g."requirementId", g.status, sum(g.n)::int
FROM (
  SELECT regexp_replace(cs."managerPath", '[^/]+/$', '') AS above, cs."requirementId", cs.status, count(*) AS n
  FROM "ComplianceStatus" cs GROUP BY 1, 2, 3
) g CROSS JOIN LATERAL rollcall_path_keys(g.above) m(key)
GROUP BY 1, 2, 3;
