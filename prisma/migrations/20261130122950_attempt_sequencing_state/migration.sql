-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "sequencingState" TEXT;
