/** The offline runbook library, in the order ties are broken. */
import { collectDiagnostics } from './collect-diagnostics.js';
import { freeDiskSpace } from './free-disk-space.js';
import type { LibraryRunbook } from './library-runbook.js';
import { restartServiceRolling } from './restart-service-rolling.js';
import { rollbackDeploy } from './rollback-deploy.js';
import { rotateCertificate } from './rotate-certificate.js';
import { scaleOut } from './scale-out.js';
import { wipeDisk } from './wipe-disk.js';

export const libraryRunbooks: readonly LibraryRunbook[] = [restartServiceRolling, rollbackDeploy, scaleOut, freeDiskSpace, rotateCertificate, collectDiagnostics, wipeDisk];

/** What the library answers with when nothing matches: it only reads. */
export const fallbackRunbook: LibraryRunbook = collectDiagnostics;

export type { LibraryRunbook } from './library-runbook.js';
