/**
 * The frame's side of the frame token: read from the fragment of its own address (#token=…), where the overlay put
 * it, and removed from the address at once (the fragment never reaches a server, and a reload must not replay it).
 */
import { FrameToken } from '../messaging/protocol.ts';

export function takeFrameToken(location: Pick<Location, 'hash' | 'href'>, history: Pick<History, 'replaceState'>): string | null {
  const token = FrameToken.safeParse(new URLSearchParams(location.hash.slice(1)).get('token'));
  if (location.hash !== '') history.replaceState(null, '', location.href.split('#')[0]);
  return token.success ? token.data : null;
}

/** The address of a frame with its token in the fragment. */
export function withFrameToken(url: string, token: string): string {
  return `${url}#${new URLSearchParams({ token })}`;
}
