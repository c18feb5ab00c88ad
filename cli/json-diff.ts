/** Where two JSON values differ, as paths (`penalties[2].decisionNo`); [] when they are equal. */
export function jsonDifferences(stored: unknown, read: unknown, path = ''): string[] {
  if (Object.is(stored, read)) return [];
  const here = path === '' ? '(root)' : path;
  if (Array.isArray(stored) && Array.isArray(read)) {
    const diffs = Array.from({ length: Math.max(stored.length, read.length) }, (_, i) =>
      jsonDifferences(stored[i], read[i], `${path}[${i}]`),
    );
    return diffs.flat();
  }
  if (isObject(stored) && isObject(read)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(read)])].sort();
    return keys.flatMap((key) => jsonDifferences(stored[key], read[key], path === '' ? key : `${path}.${key}`));
  }
  return [here];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
