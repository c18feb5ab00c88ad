/**
 * The frame presents its token once, when it loads (outside React: a token works once, and development's double
 * effects must not spend it twice); the hook follows the answer. No answer, or a failure, leaves the frame read-only.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../messaging/client.ts';
import type { GrantState } from './WriteGuard.tsx';

export function claimFrame(transport: Transport, entityKey: string, token: string | null): Promise<boolean> {
  return request(transport, { type: 'frame:claim', entityKey, token }).then((answer) => answer.granted, () => false);
}

export function useFrameGrant(claim: Promise<boolean>): GrantState {
  const [state, setState] = useState<GrantState>('checking');
  useEffect(() => {
    let current = true;
    void claim.then((granted) => current && setState(granted ? 'granted' : 'refused'));
    return () => {
      current = false;
    };
  }, [claim]);
  return state;
}
