/** One line of outcome under a control of the options page: done, or failed with the reason; read out by screen readers. */
export type StatusLine = { tone: 'ok' | 'error'; text: string } | null;

export function Status({ line, testId }: { line: StatusLine; testId: string }) {
  if (line === null) return null;
  return (
    <p data-testid={testId} className={line.tone === 'ok' ? 'status ok' : 'status error'} role={line.tone === 'ok' ? 'status' : 'alert'}>
      {line.text}
    </p>
  );
}
