-- AlterTable
ALTER TABLE "ScoState" ADD COLUMN     "rollupKey" TEXT;
