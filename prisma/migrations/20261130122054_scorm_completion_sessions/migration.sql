-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "scormCompletion" JSONB;

-- AlterTable
ALTER TABLE "ScoState" ADD COLUMN     "sessionBlock" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sessionOpenedAt" TIMESTAMPTZ(6),
ADD COLUMN     "terminatedBlocks" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
