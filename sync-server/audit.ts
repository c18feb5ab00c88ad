/**
 * The audit trail (留痕): account changes and connections, one JSON object per line appended to DATA_DIR/audit.jsonl.
 * The server and the account commands both append; each line is one write to a file opened for appending, so lines
 * do not interleave. Nothing secret goes in: no token, no query string, only a token's id (jti).
 */
import fs from 'node:fs';
import path from 'node:path';

export const AUDIT_FILE = 'audit.jsonl';

export type AuditEvent =
  | { event: 'team.add'; team: string; by: string }
  | { event: 'user.add'; team: string; user: string; role: string; by: string }
  | { event: 'user.role'; team: string; user: string; role: string; by: string }
  | { event: 'user.remove'; team: string; user: string; by: string }
  | { event: 'token.issue'; team: string; user: string; jti: string; expires: string; by: string }
  | { event: 'token.revoke'; jti: string; by: string }
  | { event: 'backup'; file: string; by: string }
  | { event: 'page-reports.export'; dir: string; count: number; by: string }
  | { event: 'extension.publish'; id: string; version: string; sha256: string; file: string; by: string }
  | { event: 'site-rules.publish'; version: number; sha256: string; file: string; by: string }
  | { event: 'site-rules.rollback'; version: number; restoredFrom: number; from: number; by: string }
  | { event: 'report'; team: string; user: string; from: string; to: string; format: string; address: string }
  | { event: 'history'; team: string; user: string; key: string; address: string }
  | {
      event: 'page-report';
      team: string;
      user: string;
      id: number;
      site: string;
      layout: string;
      readerVersion: string;
      ok: boolean;
      size: number;
      address: string;
    }
  | { event: 'connect.refused'; team: string; status: number; reason: string; address: string; user?: string }
  | {
      event: 'connect.refused.repeated';
      address: string;
      status: number;
      count: number;
      from: string;
      to: string;
      reasons: Record<string, number>;
    }
  | { event: 'update.refused'; team: string; user: string; jti: string; address: string; connection: number; reason: string }
  | { event: 'connect'; team: string; user: string; role: string; jti: string; address: string; connection: number }
  | {
      event: 'disconnect';
      team: string;
      user: string;
      jti: string;
      address: string;
      connection: number;
      code: number;
      reason: string;
      seconds: number;
    };

export class AuditLog {
  readonly #fd: number;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.#fd = fs.openSync(path.join(dataDir, AUDIT_FILE), 'a', 0o600);
  }

  append(event: AuditEvent, at: Date = new Date()): void {
    fs.writeSync(this.#fd, `${JSON.stringify({ at: at.toISOString(), ...event })}\n`);
  }

  close(): void {
    fs.closeSync(this.#fd);
  }
}
