-- AlterTable
ALTER TABLE "ContentPackage" ADD COLUMN     "archivedAt" TIMESTAMPTZ(6);
