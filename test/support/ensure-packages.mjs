#!/usr/bin/env node
/**
 * `npm test` step: makes sure the Debian packages the tests run for real are installed — Chromium (and its UI
 * translations, chromium-l10n) for the e2e tests, Redis and PostgreSQL for the multi-instance sync tests. Isolates
 * the one place where the test run touches the system's packages. (The tests start and stop their own servers on
 * loopback ports; nothing is started here.)
 *
 * - All present: prints nothing and exits 0 at once (dpkg-query only, no apt).
 * - Missing and running as root: `apt-get update`, then installs what is missing non-interactively; apt's output
 *   goes to stderr so that the test run's stdout stays the test report.
 * - Missing and not root: one line saying what to install, exit 1 (a test run must not ask for a password).
 *
 * Plain Node ESM with no dependencies: it runs before anything else of the project is known to work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each package, and the file that shows it is usable. */
const PACKAGES = [
  // chromium ships only English UI resources; chromium-l10n lets LANGUAGE=zh_CN pick the extension's Chinese texts.
  { name: 'chromium', file: '/usr/bin/chromium' },
  { name: 'chromium-l10n' },
  { name: 'redis-server', file: '/usr/bin/redis-server' },
  // Debian 12's PostgreSQL; the tests run its binaries from /usr/lib/postgresql/15/bin as the postgres user.
  { name: 'postgresql', file: '/usr/lib/postgresql/15/bin/postgres' },
];

/** Whether dpkg records the package as installed (false when dpkg-query is missing or knows no such package). */
function installed(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

const missing = () => PACKAGES.filter((p) => !installed(p.name) || (p.file !== undefined && !existsSync(p.file))).map((p) => p.name);

/** Runs apt-get with its output streamed to stderr; exits the process with apt's code when it fails. */
function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error || result.status !== 0) {
    process.stderr.write(`ensure-packages: apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})\n`);
    process.exit(result.status || 1);
  }
}

const needed = missing();
if (needed.length > 0) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(`ensure-packages: the tests need Debian packages; run: sudo apt-get install ${needed.join(' ')}\n`);
    process.exit(1);
  }
  process.stderr.write(`ensure-packages: installing ${needed.join(' ')} with apt-get (used by the e2e and multi-instance tests)\n`);
  aptGet(['update']);
  aptGet(['install', '-y', '--no-install-recommends', ...needed]);
  const still = missing();
  if (still.length > 0) {
    process.stderr.write(`ensure-packages: apt-get finished but ${still.join(', ')} is still missing\n`);
    process.exit(1);
  }
}
