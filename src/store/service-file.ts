/**
 * `<DATA_DIR>/service.json`: where a running service listens, with its pid. A CLI that finds
 * the embedded database locked by that pid (`npm run apikey`) reaches the service there
 * instead of the database.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ServiceFile {
  pid: number;
  /** Base URL, e.g. `http://localhost:4000`. */
  url: string;
}

const fileOf = (dataDir: string): string => path.join(dataDir, 'service.json');

export async function writeServiceFile(dataDir: string, url: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(fileOf(dataDir), `${JSON.stringify({ pid: process.pid, url } satisfies ServiceFile)}\n`, { mode: 0o600 });
}

/** Removes the file if it is this process's. */
export async function removeServiceFile(dataDir: string): Promise<void> {
  if ((await readServiceFile(dataDir))?.pid === process.pid) await rm(fileOf(dataDir), { force: true });
}

export async function readServiceFile(dataDir: string): Promise<ServiceFile | null> {
  try {
    const value = JSON.parse(await readFile(fileOf(dataDir), 'utf8')) as Partial<ServiceFile>;
    return typeof value.pid === 'number' && typeof value.url === 'string' ? { pid: value.pid, url: value.url } : null;
  } catch {
    return null;
  }
}
