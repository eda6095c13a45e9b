/** Content: SCORM packages imported safely from zip files. */
export {
  MAX_PACKAGE_UPLOAD_BYTES,
  importPackage,
  type ImportPackageInput,
  type ImportPackageResult,
} from './import-package.ts';
export {
  parseManifest,
  appendParameters,
  type ScormVersionName,
  type ManifestSco,
  type ParsedManifest,
} from './parse-manifest.ts';
export {
  DEFAULT_EXTRACT_LIMITS,
  unsafeEntryName,
  extractZipSafely,
  type ExtractLimits,
  type ExtractedZip,
} from './safe-extract.ts';
export { listPackages, getPackage, type PackageRecord } from './list-packages.ts';
export {
  archivePackage,
  deletePackage,
  type PackageChangeInput,
  type ArchivePackageResult,
  type DeletePackageResult,
} from './archive-package.ts';
