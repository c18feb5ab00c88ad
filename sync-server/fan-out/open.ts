import type { Config } from '../config.ts';
import type { FanOut } from './fan-out.ts';

/** The fan-out of the settings: Redis when REDIS_URL is set, else none (one instance). */
export async function openFanOut(config: Config, log: (line: string) => void): Promise<FanOut | undefined> {
  if (config.REDIS_URL === undefined) return undefined;
  const { RedisFanOut } = await import('./redis.ts');
  return RedisFanOut.connect(config.REDIS_URL, log);
}
