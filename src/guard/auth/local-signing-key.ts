import { randomUUID, type webcrypto } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, link } from 'node:fs/promises';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** The signing key of the embedded mode, shared by every process that shares DATA_DIR. */
export interface LocalSigningKey {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  keyId: string;
}

type CryptoKey = webcrypto.CryptoKey;

const algorithm = 'ES256';

/**
 * Loads `<dataDir>/auth/local-signing-key.json`, creating it on first use. Creation is
 * atomic (write a temporary file, then hard-link it into place, which fails if another
 * process won the race), so processes starting together end up with the same key.
 */
export async function loadOrCreateLocalSigningKey(dataDir: string): Promise<LocalSigningKey> {
  const folder = path.join(dataDir, 'auth');
  const file = path.join(folder, 'local-signing-key.json');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const existing = await readKeyFile(file);
  if (existing) return existing;

  const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: algorithm };
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(jwk), { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const created = await readKeyFile(file);
  if (!created) throw new Error(`local signing key ${file} could not be read back`);
  return created;
}

async function readKeyFile(file: string): Promise<LocalSigningKey | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const jwk = JSON.parse(text) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  const privateKey = (await importJWK(jwk, algorithm)) as CryptoKey;
  const publicKey = (await importJWK(publicJwk, algorithm)) as CryptoKey;
  return { privateKey, publicKey, keyId: jwk.kid };
}
