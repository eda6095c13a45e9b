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

-- The managers above a row: every lineKey in its managerPath but the last (the person).
CREATE OR REPLACE FUNCTION rollcall_managers_above(path text) RETURNS SETOF integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ('x' || lpad(k.key, 8, '0'))::bit(32)::integer
  FROM unnest(string_to_array(trim(BOTH '/' FROM path), '/')) WITH ORDINALITY AS k(key, n)
  WHERE k.n < cardinality(string_to_array(trim(BOTH '/' FROM path), '/'))
$$;

-- One statement-level trigger per event (transition tables allow one event each): the
-- statement's rows, -1 for each old (row, manager above), +1 for each new one, summed per
-- (manager, requirement, status). Pairs that did not move a count cancel and are not written.
CREATE OR REPLACE FUNCTION rollcall_compliance_line_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ComplianceLineDelta" ("managerKey", "requirementId", status, delta)
    SELECT m.key, n."requirementId", n.status, count(*)::int
    FROM new_rows n CROSS JOIN LATERAL rollcall_managers_above(n."managerPath") m(key)
    GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "ComplianceLineDelta" ("managerKey", "requirementId", status, delta)
    SELECT m.key, o."requirementId", o.status, -count(*)::int
    FROM old_rows o CROSS JOIN LATERAL rollcall_managers_above(o."managerPath") m(key)
    GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "ComplianceLineDelta" ("managerKey", "requirementId", status, delta)
    SELECT m.key, c."requirementId", c.status, sum(c.delta)::int
    FROM (
      SELECT o."managerPath", o."requirementId", o.status, -1 AS delta FROM old_rows o
      UNION ALL
      SELECT n."managerPath", n."requirementId", n.status, 1 FROM new_rows n
    ) c CROSS JOIN LATERAL rollcall_managers_above(c."managerPath") m(key)
    GROUP BY 1, 2, 3
    HAVING sum(c.delta) <> 0;
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
SELECT m.key, cs."requirementId", cs.status, count(*)::int
FROM "ComplianceStatus" cs CROSS JOIN LATERAL rollcall_managers_above(cs."managerPath") m(key)
GROUP BY 1, 2, 3;
