/**
 * The store's typed errors. All are {@link AppError}s, so a resolver can let them through: a
 * missing draft becomes `NOT_FOUND`; the others are bugs or races on our side and stay
 * `INTERNAL_SERVER_ERROR` (masked for clients, detailed in logs).
 */
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { DraftState } from './types.js';

/** The draft does not exist for this account (another account's draft is "missing" too). */
export class DraftNotFoundError extends AppError {
  readonly draftId: string;

  constructor(draftId: string) {
    super(ErrorCode.NOT_FOUND, `Draft "${draftId}" was not found.`, { extensions: { id: draftId } });
    this.name = 'DraftNotFoundError';
    this.draftId = draftId;
  }
}

/** A draft of a kind no registered feature writes (the drafts table itself accepts any kind). */
export class UnknownDraftKindError extends AppError {
  readonly kind: string;

  constructor(kind: string) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, `Draft kind "${kind}" is not written by any registered feature.`, { extensions: { kind } });
    this.name = 'UnknownDraftKindError';
    this.kind = kind;
  }
}

/** A transition was asked of a draft that is no longer STREAMING (completed, failed, swept). */
export class DraftStateError extends AppError {
  readonly draftId: string;
  readonly state: DraftState;
  readonly transition: 'complete' | 'fail';

  constructor(draftId: string, state: DraftState, transition: 'complete' | 'fail') {
    super(ErrorCode.INTERNAL_SERVER_ERROR, `Draft "${draftId}" is ${state}; it cannot ${transition}.`);
    this.name = 'DraftStateError';
    this.draftId = draftId;
    this.state = state;
    this.transition = transition;
  }
}

/** A chunk with this (draft, sequence) is stored already. */
export class DuplicateChunkError extends AppError {
  readonly draftId: string;
  readonly sequence: number;

  constructor(draftId: string, sequence: number, cause?: unknown) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, `Chunk ${sequence} of draft "${draftId}" is stored already.`, { cause });
    this.name = 'DuplicateChunkError';
    this.draftId = draftId;
    this.sequence = sequence;
  }
}

/** A migration could not be applied, or an applied one was edited afterwards. */
export class MigrationError extends AppError {
  readonly migration: string;

  constructor(migration: string, message: string, cause?: unknown) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, `Migration ${migration}: ${message}`, cause === undefined ? {} : { cause });
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

/** Options given to a store factory are unusable (bad schema name, bad limit...). */
export class StoreConfigurationError extends AppError {
  constructor(message: string) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, message);
    this.name = 'StoreConfigurationError';
  }
}

/**
 * The embedded database's folder is open in another process (or already in this one): two
 * PGlite instances writing the same folder corrupt it. `holderPid` is the process holding it.
 * Raised at start-up (service, CLI), never by a request.
 */
export class DatabaseInUseError extends AppError {
  readonly dataDir: string;
  readonly holderPid: number;

  constructor(dataDir: string, holderPid: number) {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      `The embedded database in ${dataDir} is in use by process ${holderPid}${holderPid === process.pid ? ' (this process)' : ''}; stop it first or set DATABASE_URL.`,
    );
    this.name = 'DatabaseInUseError';
    this.dataDir = dataDir;
    this.holderPid = holderPid;
  }
}

/** SQLSTATE of the PostgreSQL error `error`, if it is one (both drivers expose `code`). */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** SQLSTATE codes we react to. */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
} as const;
