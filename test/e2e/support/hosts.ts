/**
 * The host names the e2e browser resolves, all to the local simulated site, and the URLs of its pages under those
 * names. Isolates the rule "no traffic leaves loopback": every name the tests open is listed here, everything else
 * resolves to nothing (`MAP * ~NOTFOUND`).
 */
import { CREDITCHINA_API_HOST, CREDITCHINA_HOST, GSXT_HOST, PROVINCIAL_HOST, pageByName } from '../../sim-site/entities.ts';

/** Every host the simulated site serves. Chromium sends a DNS query for any other name, so tests never open one. */
export const MAPPED_HOSTS: readonly string[] = [GSXT_HOST, PROVINCIAL_HOST, CREDITCHINA_HOST, CREDITCHINA_API_HOST];

/**
 * Chromium's `--host-resolver-rules` value: the mapped hosts to the local port, every other name unresolvable —
 * except the loopback address itself, which `MAP *` would catch too (an IP literal goes through the rules like a
 * name): the team tests reach the real sync server at ws://127.0.0.1:<port>.
 */
export function hostResolverRules(port: number): string {
  return [...MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'EXCLUDE 127.0.0.1', 'MAP * ~NOTFOUND'].join(', ');
}

/** A simulated page under its real name (plain http: the manifest's `*://` patterns match it). */
export function simPageUrl(name: string): string {
  const page = pageByName(name);
  if (!MAPPED_HOSTS.includes(page.host)) throw new RangeError(`${name} is on ${page.host}, which the e2e browser does not map`);
  return `http://${page.host}${page.path}`;
}
