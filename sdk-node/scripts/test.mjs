// Runs the node --test suites (all, or the files named as arguments) against a real Proofdesk
// server: the built server jar on a free port with a fresh data directory, one live key for most
// live tests and one for the rate-limit test, and some live credits. The suites read where it is
// from PROOFDESK_TEST_* variables.
//
//   PROOFDESK_JAR   the server jar (default ../proofdesk-server/target/proofdesk.jar)
//   JAVA_HOME       the JDK that runs it (default: the one ../scripts/java-home.sh finds, 21 or newer)
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const jar = resolve(process.env.PROOFDESK_JAR ?? join(root, '../proofdesk-server/target/proofdesk.jar'));
const java = join(javaHome(), 'bin', 'java');
const started = Date.now();

if (!existsSync(jar)) {
  console.error(`No server jar at ${jar}. Build it first: ./mvnw -pl proofdesk-server -am package -DskipTests`);
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'proofdesk-node-test-'));
const jvm = ['--enable-native-access=ALL-UNNAMED', '-jar', jar];
const server = spawn(java, [...jvm, 'serve', '--port', '0'], {
  env: {
    ...process.env,
    PROOFDESK_DATA_DIR: join(dataDir, 'data'),
    PROOFDESK_RATE_LIMIT_TEST: '0',
    // live keys are limited, so the rate-limit test meets a real 429 with Retry-After
    PROOFDESK_RATE_LIMIT_LIVE: '10',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
server.stdout.on('data', (chunk) => (log += chunk));
server.stderr.on('data', (chunk) => (log += chunk));

let code = 1;
try {
  const { baseUrl, testKey } = await serverReady();
  const cli = (...args) =>
    promisify(execFile)(java, [...jvm, ...args, '--data-dir', join(dataDir, 'data')]).then((r) => r.stdout.trim());
  const [liveKey, rateLimitedLiveKey] = await Promise.all([
    cli('keys', 'create', '--env', 'live'),
    cli('keys', 'create', '--env', 'live'),
    cli('credits', 'grant', '--amount', '40', '--reason', 'node SDK tests'),
  ]);
  console.error(`Proofdesk at ${baseUrl} (data in ${dataDir}), ready after ${seconds(started)} s`);

  // every suite, or those named: node scripts/test.mjs test/webhooks.test.mjs
  const named = process.argv.slice(2);
  const tests =
    named.length > 0
      ? named
      : readdirSync(join(root, 'test'))
          .filter((f) => f.endsWith('.test.mjs'))
          .sort()
          .map((f) => join('test', f));
  // one file at a time: the suites share the server's one account
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', ...tests], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PROOFDESK_TEST_BASE_URL: baseUrl,
      PROOFDESK_TEST_KEY: testKey,
      PROOFDESK_TEST_LIVE_KEY: liveKey,
      PROOFDESK_TEST_RATE_LIMITED_LIVE_KEY: rateLimitedLiveKey,
      PROOFDESK_TEST_JAR: jar,
      PROOFDESK_TEST_DATA_DIR: join(dataDir, 'data'),
    },
  });
  code = await new Promise((done) => runner.on('exit', (c, signal) => done(c ?? (signal ? 1 : 0))));
  if (code !== 0) {
    console.error(`--- server log (last 60 lines)\n${log.split('\n').slice(-60).join('\n')}`);
  }
} catch (e) {
  console.error(`${e.message}\n--- server log\n${log}`);
} finally {
  server.kill();
  await new Promise((done) => (server.exitCode !== null ? done() : server.on('exit', done)));
  rmSync(dataDir, { recursive: true, force: true });
  console.error(`Node SDK tests ${code === 0 ? 'passed' : 'FAILED'} in ${seconds(started)} s`);
}
process.exit(code);

/** A JDK 21 or newer, found the way ./proofdesk and ./test.sh find it. */
function javaHome() {
  const script = join(root, '../scripts/java-home.sh');
  return execFileSync('bash', ['-c', '. "$0" && find_java_home && printf %s "$JAVA_HOME"', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Waits for the first-start key and the listening line. */
function serverReady() {
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error('the server did not start within 180 s')), 180_000);
    const check = () => {
      const url = /Proofdesk listening on (http:\/\/\S+)/.exec(log);
      const key = /\b(sk_test_[0-9A-Za-z]+)\b/.exec(log);
      if (url && key) {
        clearTimeout(timer);
        ready({ baseUrl: url[1], testKey: key[1] });
      }
    };
    server.stdout.on('data', check);
    server.on('exit', (c) => {
      clearTimeout(timer);
      fail(new Error(`the server stopped (exit ${c}) before it was ready`));
    });
  });
}

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}
