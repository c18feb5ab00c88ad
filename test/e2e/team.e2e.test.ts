/**
 * Team co-annotation end to end: two staff members, each in their own browser profile with the built extension,
 * connect to the real sync server (a child process on a free port, its own data folder) with two tokens of the same
 * team, open the same entity on the simulated gsxt page, and annotate it in the team panel of the notes frame: each
 * sees the other's record, notes and status change appear by themselves, and sees that the other is looking at the
 * entity now. Then the second browser switches to a readonly token of the team: 只读, controls disabled, the record
 * still readable.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { startSyncServer, type RunningSyncServer } from '../support/sync-server.ts';
import { readyOverlay } from './support/assertions.ts';
import { expandOverlay } from './support/overlay.ts';
import type { ExtensionBrowser } from './support/browser.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import { chooseOption, connectTeam } from './support/team.ts';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

const PAGE = 'listed-2026';
const WAIT = { timeout: 15_000 };

let server: RunningSyncServer | undefined;
let tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startSyncServer();
  tokens = await server.team('t1', { alice: 'member', bob: 'member', carol: 'readonly' });
});
afterAll(async () => {
  await server?.stop();
  // The helper leaves its data folder (other tests read it after a stop); this file has no use for it.
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

/** On the options page: the server's address and the token, saved; waits until the connection is up. */
async function connect(browser: ExtensionBrowser, token: string | undefined): Promise<void> {
  if (!server || !token) throw new Error('the sync server is not running');
  await connectTeam(browser, server.url, token, WAIT.timeout);
}

/** The entity page with the notes frame open, its team panel loaded. */
async function openTeamPanel(browser: ExtensionBrowser): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await openSimPage(browser, PAGE);
  await readyOverlay(page);
  await expandOverlay(page);
  await page.locator('[data-testid="notes-toggle"]').click();
  const frame = page.frameLocator('[data-testid="notes-frame"]');
  await frame.locator('[data-testid="team-panel"] [data-testid="team-connection"]').waitFor(WAIT);
  return { page, frame };
}

const teamNotes = (frame: FrameLocator) => frame.locator('[data-testid="team-note"]').allTextContents();

describe('two staff members annotate the same entity through the sync server', () => {
  // The in-page notes frame, the fallback where the side panel cannot open (sidepanel.e2e.test.ts has the side panel).
  const alice = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });
  const bob = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });

  it("each sees the other's record, notes and status, and that the other is looking now", async () => {
    await connect(alice(), tokens.alice);
    await connect(bob(), tokens.bob);
    const a = await openTeamPanel(alice());
    const b = await openTeamPanel(bob());

    await a.frame.locator('[data-testid="team-create"]').click();
    // Bob made nothing: the record alice made appears in his panel by itself.
    await b.frame.locator('[data-testid="team-record"]').waitFor(WAIT);

    const fromAlice = `现场核查：仓库存放过期原料 ${randomUUID()}`;
    const fromBob = `已约谈法定代表人 ${randomUUID()}`;
    await a.frame.locator('[data-testid="team-note-text"]').fill(fromAlice);
    await a.frame.locator('[data-testid="team-note-add"]').click();
    await b.frame.locator('[data-testid="team-note-text"]').fill(fromBob);
    await b.frame.locator('[data-testid="team-note-add"]').click();
    for (const frame of [a.frame, b.frame]) {
      await expect
        .poll(() => teamNotes(frame), WAIT)
        .toEqual(expect.arrayContaining([expect.stringContaining(fromAlice), expect.stringContaining(fromBob)]));
    }
    expect((await teamNotes(a.frame)).find((n) => n.includes(fromBob))).toContain('bob');

    await chooseOption(b.frame.locator('[data-testid="team-status"]'), 'verifying');
    await expect.poll(() => a.frame.locator('[data-testid="team-status"]').inputValue(), WAIT).toBe('verifying');

    await expect
      .poll(
        () =>
          a.frame
            .locator('[data-testid="team-viewers"]')
            .textContent()
            .catch(() => ''),
        WAIT,
      )
      .toContain('bob');
    await expect
      .poll(
        () =>
          b.frame
            .locator('[data-testid="team-viewers"]')
            .textContent()
            .catch(() => ''),
        WAIT,
      )
      .toContain('alice');
  });

  it('a readonly token of the team shows 只读, disables editing and still shows the record', async () => {
    await connect(bob(), tokens.carol);
    const b = await openTeamPanel(bob());
    await expect
      .poll(
        () =>
          b.frame
            .locator('[data-testid="team-readonly"]')
            .textContent()
            .catch(() => ''),
        WAIT,
      )
      .toBe('只读');
    await b.frame.locator('[data-testid="team-record"]').waitFor(WAIT);
    expect(await teamNotes(b.frame)).toHaveLength(2);
    for (const id of ['team-status', 'team-note-add', 'team-tag-add', 'team-assign-me']) {
      expect(await b.frame.locator(`[data-testid="${id}"]`).isDisabled(), id).toBe(true);
    }
  });
});
