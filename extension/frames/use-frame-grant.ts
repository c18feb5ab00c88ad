/**
 * The frame listens for its token once, when it loads (outside React: a token works once, and development's double
 * effects must not spend it twice); the hook follows the answers. No answer, or a failure, leaves the frame read-only.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../messaging/client.ts';
import type { GrantState } from './WriteGuard.tsx';

export function claimFrame(transport: Transport, entityKey: string, token: string): Promise<boolean> {
  return request(transport, { type: 'frame:claim', entityKey, token }).then(
    (answer) => answer.granted,
    () => false,
  );
}

/** The grant state as it changes: subscribe before the first answer can come. */
export class GrantWatch {
  private state: GrantState = 'checking';
  private readonly listeners = new Set<(state: GrantState) => void>();
  readonly set = (state: GrantState): void => {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  };
  current(): GrantState {
    return this.state;
  }
  subscribe(listener: (state: GrantState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function useFrameGrant(watch: GrantWatch): GrantState {
  const [state, setState] = useState<GrantState>(() => watch.current());
  useEffect(() => {
    setState(watch.current());
    return watch.subscribe(setState);
  }, [watch]);
  return state;
}
