import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';

const repository = path.resolve(import.meta.dirname, '../..');

/** Runs dependency-cruiser with the repository's rules over `src/` of `baseDir`. */
async function violations(baseDir: string, withTsConfig: boolean): Promise<IViolation[]> {
  const options: ICruiseOptions = await extractDepcruiseOptions(path.join(repository, '.dependency-cruiser.cjs'));
  const tsConfig = withTsConfig ? extractTSConfig(path.join(repository, 'tsconfig.json')) : undefined;
  if (!withTsConfig) delete options.tsConfig;
  const cwd = process.cwd();
  // dependency-cruiser resolves the paths it is given, and names modules, relative to the working directory.
  process.chdir(baseDir);
  try {
    const result = await cruise(['src'], { ...options, baseDir }, undefined, tsConfig ? { tsConfig } : undefined);
    if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
    return result.output.summary.violations;
  } finally {
    process.chdir(cwd);
  }
}

const describeRule = (violation: IViolation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`;

describe('the layers of src/ (.dependency-cruiser.cjs)', () => {
  const fixtures: string[] = [];
  afterAll(async () => Promise.all(fixtures.map((folder) => rm(folder, { recursive: true, force: true }))));

  it('has no import from a lower layer into a higher one, no cycle and no unresolved import', async () => {
    const found = await violations(repository, true);
    expect(found.map(describeRule)).toEqual([]);
  }, 120_000);

  it('fails on an import from llm/ into features/, and on a cycle', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'layers-'));
    fixtures.push(folder);
    await mkdir(path.join(folder, 'src/llm'), { recursive: true });
    await mkdir(path.join(folder, 'src/features'), { recursive: true });
    await writeFile(path.join(folder, 'src/llm/engine.js'), "import { extractor } from '../features/extractor.js';\nexport const engine = extractor;\n");
    await writeFile(path.join(folder, 'src/features/extractor.js'), "export const extractor = 1;\n");
    await writeFile(path.join(folder, 'src/features/a.js'), "import { b } from './b.js';\nexport const a = b;\n");
    await writeFile(path.join(folder, 'src/features/b.js'), "import { a } from './a.js';\nexport const b = () => a;\n");
    const found = (await violations(folder, false)).map(describeRule);
    expect(found).toContain('layer-llm: src/llm/engine.js -> src/features/extractor.js');
    expect(found.filter((line) => line.startsWith('no-circular:'))).not.toEqual([]);
  }, 60_000);
});
