#!/usr/bin/env node
/**
 * `npm test` step: makes sure Debian's Chromium (and its UI translations, chromium-l10n) is installed before the e2e
 * tests start it. Isolates the one place where the test run touches the system's packages.
 *
 * - Both present: prints nothing and exits 0 at once (one dpkg-query, no apt).
 * - Missing and running as root: `apt-get update`, then installs both non-interactively; apt's output goes to stderr
 *   so that the test run's stdout stays the test report.
 * - Missing and not root: one line saying what to install, exit 1 (a test run must not ask for a password).
 *
 * Plain Node ESM with no dependencies: it runs before anything else of the project is known to work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
// chromium ships only English UI resources; chromium-l10n lets LANGUAGE=zh_CN pick the extension's Chinese texts.
const PACKAGES = ['chromium', 'chromium-l10n'];

/** Whether dpkg records the package as installed (false when dpkg-query is missing or knows no such package). */
function installed(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

function missing() {
  return !existsSync(CHROMIUM) || !installed('chromium-l10n');
}

/** Runs apt-get with its output streamed to stderr; exits the process with apt's code when it fails. */
function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error || result.status !== 0) {
    process.stderr.write(`ensure-chromium: apt-get ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})\n`);
    process.exit(result.status || 1);
  }
}

if (missing()) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(`ensure-chromium: the e2e tests need Debian's Chromium; run: sudo apt-get install ${PACKAGES.join(' ')}\n`);
    process.exit(1);
  }
  process.stderr.write(`ensure-chromium: installing ${PACKAGES.join(' ')} with apt-get (needed by the e2e tests)\n`);
  aptGet(['update']);
  aptGet(['install', '-y', ...PACKAGES]);
  if (missing()) {
    process.stderr.write(`ensure-chromium: apt-get finished but ${CHROMIUM} or chromium-l10n is still missing\n`);
    process.exit(1);
  }
}
