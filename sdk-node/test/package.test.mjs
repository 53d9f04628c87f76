// The package as an integrator gets it: npm pack output installed into a fresh project, imported
// as an ES module and as CommonJS, and the README's TypeScript example compiled against it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../dist/esm/index.js';
import { readmeBlock } from './support/readme.mjs';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project;
let files;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'proofdesk-consumer-'));
  // dist is built by `npm test`; packing must not rebuild it under the other suites' feet
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: packageDir, encoding: 'utf8' }),
  )[0];
  files = packed.files.map((f) => f.path);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', join(project, packed.filename)], {
    cwd: project,
    stdio: 'pipe',
  });
});

after(() => rmSync(project, { recursive: true, force: true }));

function node(args) {
  const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH } });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

test('the tarball holds the builds, their declarations and no sources or tests', () => {
  assert.equal(VERSION, manifest.version, 'the User-Agent names this version');
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'no runtime dependencies');
  for (const file of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json']) {
    assert.ok(files.includes(file), file);
  }
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('scripts/')), files.join());
});

test('it imports as an ES module and requires as CommonJS, with the same API', () => {
  const names = 'Object.keys(m).sort().join(",")';
  const esm = node(['--input-type=module', '-e', `const m = await import('@proofdesk/node'); console.log(${names})`]);
  const cjs = node(['--input-type=commonjs', '-e', `const m = require('@proofdesk/node'); console.log(${names})`]);
  assert.equal(esm, cjs);
  for (const name of ['Proofdesk', 'Webhooks', 'ProofdeskError', 'InvalidRequestError', 'LiveKeyInTestEnvironmentError']) {
    assert.ok(esm.split(',').includes(name), name);
  }
});

test('the README’s TypeScript example compiles against the installed package, as does a CommonJS consumer', () => {
  const example = readmeBlock('## Node SDK', 'ts');
  writeFileSync(
    join(project, 'example.ts'),
    `declare const rawBody: Buffer;\ndeclare const headers: import('node:http').IncomingHttpHeaders;\n${example}\nexport {};\n`,
  );
  writeFileSync(
    join(project, 'consumer.cts'),
    `import proofdesk = require('@proofdesk/node');\n` +
      `const client: proofdesk.Proofdesk = new proofdesk.Proofdesk({ apiKey: 'sk_test_x', baseUrl: 'http://localhost:8080' });\n` +
      `export const flows: Promise<proofdesk.Flow[]> = client.flows.list().toArray();\n`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        types: ['node'],
        typeRoots: [join(packageDir, 'node_modules/@types')],
      },
      files: ['example.ts', 'consumer.cts'],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
