-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "lineKey" SERIAL NOT NULL,
ADD COLUMN     "managerPath" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ComplianceStatus" (
    "personId" UUID NOT NULL,
    "requirementId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL,
    "expiresAt" TIMESTAMPTZ(6),
    "deadlineAt" TIMESTAMPTZ(6),
    "applicableFrom" TIMESTAMPTZ(6) NOT NULL,
    "evidenceCompletionId" UUID,
    "nextChangeAt" TIMESTAMPTZ(6),
    "departmentId" UUID,
    "managerPath" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ComplianceStatus_pkey" PRIMARY KEY ("personId","requirementId")
);

-- CreateIndex
CREATE INDEX "ComplianceStatus_requirementId_status_idx" ON "ComplianceStatus"("requirementId", "status");

-- CreateIndex
CREATE INDEX "ComplianceStatus_departmentId_requirementId_status_idx" ON "ComplianceStatus"("departmentId", "requirementId", "status");

-- CreateIndex
CREATE INDEX "ComplianceStatus_nextChangeAt_idx" ON "ComplianceStatus"("nextChangeAt");

-- CreateIndex
CREATE UNIQUE INDEX "Person_lineKey_key" ON "Person"("lineKey");

-- AddForeignKey
ALTER TABLE "ComplianceStatus" ADD CONSTRAINT "ComplianceStatus_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceStatus" ADD CONSTRAINT "ComplianceStatus_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "ComplianceRequirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (invisible to Prisma's diff): the reporting line as a path, kept by triggers.
-- Each person is named in paths by their lineKey in hex (5 characters for a million people),
-- so a path stays short however deep the tree. Backfill from the existing tree; the path
-- array guards against a cycle in old HR data.
WITH RECURSIVE tree(id, path, seen) AS (
  SELECT p.id, '/' || to_hex(p."lineKey") || '/', ARRAY[p.id] FROM "Person" p WHERE p."managerId" IS NULL
  UNION ALL
  SELECT p.id, tree.path || to_hex(p."lineKey") || '/', tree.seen || p.id
  FROM "Person" p JOIN tree ON p."managerId" = tree.id
  WHERE NOT p.id = ANY(tree.seen)
)
UPDATE "Person" p SET "managerPath" = tree.path FROM tree WHERE tree.id = p.id;
UPDATE "Person" SET "managerPath" = '/' || to_hex("lineKey") || '/' WHERE "managerPath" = '';

-- A person's path is their manager's path plus their own key. A manager whose path is not
-- known, or a loop (the manager's path already holds this person), starts a new line here.
CREATE OR REPLACE FUNCTION rollcall_person_manager_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_path text;
  own text := '/' || to_hex(NEW."lineKey") || '/';
BEGIN
  IF NEW."managerId" IS NOT NULL THEN
    SELECT "managerPath" INTO parent_path FROM "Person" WHERE id = NEW."managerId";
  END IF;
  IF parent_path IS NULL OR parent_path = '' OR position(own IN parent_path) > 0 THEN
    NEW."managerPath" := own;
  ELSE
    NEW."managerPath" := parent_path || substr(own, 2);
  END IF;
  RETURN NEW;
END
$$;

-- When a manager moves, everyone below moves with them: one range update of the subtree
-- (text_pattern_ops index), and the copies on ComplianceStatus rows follow in the same
-- transaction. Setting only "managerPath" does not fire the UPDATE OF "managerId" triggers.
CREATE OR REPLACE FUNCTION rollcall_person_manager_path_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."managerPath" IS DISTINCT FROM OLD."managerPath" AND OLD."managerPath" <> '' THEN
    UPDATE "Person"
      SET "managerPath" = NEW."managerPath" || substr("managerPath", length(OLD."managerPath") + 1)
      WHERE "managerPath" ~>=~ OLD."managerPath" AND "managerPath" ~<~ (OLD."managerPath" || '~')
        AND id <> NEW.id;
    UPDATE "ComplianceStatus"
      SET "managerPath" = NEW."managerPath" || substr("managerPath", length(OLD."managerPath") + 1)
      WHERE "managerPath" ~>=~ OLD."managerPath" AND "managerPath" ~<~ (OLD."managerPath" || '~');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER rollcall_person_manager_path BEFORE INSERT OR UPDATE OF "managerId" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION rollcall_person_manager_path();
CREATE TRIGGER rollcall_person_manager_path_cascade AFTER UPDATE OF "managerId" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION rollcall_person_manager_path_cascade();

-- Path characters ('/', hex digits) all sort below '~', so [path, path || '~') is
-- exactly "this path and everything under it" under text_pattern_ops (byte order).
CREATE INDEX "inv_person_manager_path" ON "Person" ("managerPath" text_pattern_ops);
-- Covering: a line's counts are an index-only range scan (status follows from these dates).
CREATE INDEX "inv_compliance_status_line" ON "ComplianceStatus" ("managerPath" text_pattern_ops)
  INCLUDE ("requirementId", met, "expiresAt", "deadlineAt", "applicableFrom");
