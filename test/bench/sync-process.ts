/**
 * Server processes for the sync benchmark: start one, wait for its "listening" line, read its memory and CPU from
 * /proc, stop it. Both servers run as separate processes so their memory and CPU are theirs alone, never the
 * harness's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServerProcess {
  pid: number;
  /** The port the process listens on, read from its start-up line. */
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  args: string[];
  env: Record<string, string>;
  /** Finds the port in the server's start-up line; undefined while the line has not come yet. */
  readyPort(stdout: string): number | undefined;
  timeoutMs?: number;
}

/** A free loopback port, for the reference server, which cannot report the port it got from PORT=0. */
export { freePort } from '../support/services.ts';

/** Starts `node <args>` and resolves once the process printed its listening line. */
export function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`no listening line within ${options.timeoutMs ?? 20_000} ms`)),
      options.timeoutMs ?? 20_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${options.args.join(' ')}: ${error.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    // Both pipes are read for the whole life of the process: a full pipe would block a logging server mid-benchmark.
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 64_000) stdout += chunk;
      const port = options.readyPort(stdout);
      if (port !== undefined && child.pid !== undefined) {
        clearTimeout(timer);
        resolve({ pid: child.pid, port, stop: () => stopProcess(child) });
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`exited early (code ${code}, signal ${signal})`)));
  });
}

/** SIGTERM, then SIGKILL if the process is still there after 5 s. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.removeAllListeners('exit');
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface ProcessMemory {
  /** VmRSS: resident now, in KiB. */
  rssKiB: number;
  /** VmHWM: the peak resident size since the process started, in KiB. */
  peakKiB: number;
}

export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ); 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) the process has used so far, in ms. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name in field 2 may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** CPU time all processes of the machine have used so far (every core summed), in ms, from /proc/stat. */
export function machineBusyMs(): number {
  const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
  const busy = ticks.slice(0, 8).reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0);
  return (busy * 1000) / TICKS_PER_SECOND;
}
