/**
 * A Chromium managed-policy file for one e2e test (/etc/chromium/policies/managed/, machine-wide: needs root, and
 * every Chromium on the machine reads it while it exists). Isolates its life: written under a name carrying this
 * process's id, removed by `remove()`, by exit and signal handlers if the test never gets there, and — for a run
 * killed outright — on the next write, when the process that wrote it is gone.
 */
import fs from 'node:fs';
import path from 'node:path';

export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';
const PREFIX = 'creditlens-e2e-';
/** Signals that end a test run (Ctrl-C, a killed runner); SIGKILL cannot be caught — the next write cleans up. */
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Policy files of earlier runs whose process is gone. */
function removeStale(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const pid = new RegExp(`^${PREFIX}(\\d+)\\.json$`).exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export type ManagedPolicy = { file: string; remove(): void };

/**
 * Writes the policy; throws (with the reason) when the folder cannot be written, e.g. not running as root. `dir` is
 * for the test of this helper.
 */
export function writeManagedPolicy(policy: Record<string, unknown>, dir: string = MANAGED_POLICY_DIR): ManagedPolicy {
  removeStale(dir);
  const file = path.join(dir, `${PREFIX}${process.pid}.json`);
  const onSignal = (signal: NodeJS.Signals): void => {
    remove();
    // Then what the signal would have done, unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const remove = (): void => {
    fs.rmSync(file, { force: true });
    process.off('exit', remove);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.on('exit', remove);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`, { mode: 0o644 });
  } catch (error) {
    remove();
    throw new Error(`cannot write the managed policy ${file} (the test needs root): ${(error as Error).message}`, { cause: error });
  }
  return { file, remove };
}
