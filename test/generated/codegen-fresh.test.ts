import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('generated resolver types', () => {
  it('match schema/*.graphql and src/features/*/schema.graphql (run `npm run codegen` after changing the schema)', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'incident-ai-codegen-'));
    const target = path.join(folder, 'graphql.ts');
    // Same config, other output file: the committed file must equal a fresh generation.
    execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
      env: { ...process.env, CODEGEN_OUTPUT: target },
      stdio: 'pipe',
    });
    expect(readFileSync(target, 'utf8')).toBe(readFileSync('src/generated/graphql.ts', 'utf8'));
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);
});
