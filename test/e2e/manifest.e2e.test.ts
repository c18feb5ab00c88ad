/**
 * The built extension asks for the least that works — host access only to the credit sites, from the adapters'
 * own match patterns (never typed twice), storage, contextMenus, downloads, alarms and (Chromium) sidePanel, pageCapture optional — has one content script per registered site,
 * and its texts exist in Chinese and English. The Firefox build (MV2) says the same in its own manifest dialect.
 * Each content script stays within 50 KB gzipped (issue 17 §4): it is loaded, compiled and run with every credit page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SITES, allMatchPatterns } from '#core';
import { EXTENSION_DIR, FIREFOX_DIR, ROOT } from './support/paths.ts';

const LOCALES = `${ROOT}extension/public/_locales/`;
type Manifest = Record<string, unknown> & { content_scripts: Array<{ matches: string[]; js: string[] }> };
const manifestOf = (dir: string) => JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Manifest;
/** The size goal of each content script, gzipped at level 9 (what `npm run bench` reports beside it). */
const CONTENT_SCRIPT_GZIP_LIMIT = 50 * 1024;

describe('extension manifest', () => {
  it('asks for host access derived from the site registry, storage, contextMenus, downloads, alarms and sidePanel, pageCapture only when 保存取证 needs it', () => {
    const manifest = manifestOf(EXTENSION_DIR);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(allMatchPatterns());
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'downloads', 'alarms', 'sidePanel']);
    // The page as MHTML in an evidence ZIP: asked for by the popup on the user's click, never at install.
    expect(manifest.optional_permissions).toEqual(['pageCapture']);
    expect(manifest.default_locale).toBe('zh_CN');
  });

  it('has one content script per registered site, matching exactly that adapter\u2019s patterns', () => {
    const scripts = manifestOf(EXTENSION_DIR).content_scripts;
    expect(scripts).toHaveLength(SITES.length);
    for (const site of SITES) {
      const script = scripts.find((s) => s.js.includes(`content-scripts/${site.id}.js`));
      expect(script?.matches.sort()).toEqual([...site.matchPatterns].sort());
    }
  });

  it('opens notes and the team record in the side panel, which no page can load (not web-accessible)', () => {
    const manifest = manifestOf(EXTENSION_DIR) as Manifest & {
      side_panel?: unknown;
      web_accessible_resources: Array<{ resources: string[] }>;
    };
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.web_accessible_resources.flatMap((r) => r.resources)).not.toContain('sidepanel.html');
  });

  it('exposes only the frames and the overlay (at per-session addresses) and the page sender to the credit sites', () => {
    expect(manifestOf(EXTENSION_DIR).web_accessible_resources).toEqual([
      { resources: ['notes.html', 'links.html'], matches: allMatchPatterns(), use_dynamic_url: true },
      { resources: ['page-sender.js'], matches: allMatchPatterns() },
      { resources: ['overlay.js'], matches: allMatchPatterns(), use_dynamic_url: true },
    ]);
  });

  it('carries no signing key and no update URL: only `npm run package` builds get them (cli/package/)', () => {
    const manifest = manifestOf(EXTENSION_DIR);
    expect(manifest.key).toBeUndefined();
    expect(manifest.update_url).toBeUndefined();
  });

  it('keeps each content script within 50 KB gzipped, in both builds', () => {
    for (const dir of [EXTENSION_DIR, FIREFOX_DIR]) {
      const scripts = manifestOf(dir).content_scripts.flatMap((s) => s.js);
      expect(scripts).toHaveLength(SITES.length);
      const sizes = scripts.map((file) => [file, gzipSync(readFileSync(`${dir}/${file}`), { level: 9 }).length] as const);
      expect(sizes.filter(([, size]) => size > CONTENT_SCRIPT_GZIP_LIMIT)).toEqual([]);
    }
  });

  it('builds for Firefox too, with the same permissions but no side panel (it keeps the in-page frame) nor page capture (Firefox has none), and a gecko id', () => {
    const manifest = manifestOf(FIREFOX_DIR);
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'downloads', 'alarms', ...allMatchPatterns()]);
    expect(manifest.optional_permissions).toBeUndefined();
    expect([manifest.sidebar_action, manifest.side_panel]).toEqual([undefined, undefined]);
    expect(readdirSync(FIREFOX_DIR)).not.toContain('sidepanel.html');
    expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: 'creditlens@creditlens.invalid' } });
    expect(manifest.content_scripts).toHaveLength(SITES.length);
  });

  it('has every message in Chinese and English, none empty', () => {
    const messages = (lang: string) =>
      JSON.parse(readFileSync(`${LOCALES}${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'zh_CN']);
    expect(Object.keys(messages('en')).sort()).toEqual(Object.keys(messages('zh_CN')).sort());
    for (const lang of ['en', 'zh_CN']) {
      expect(
        Object.entries(messages(lang))
          .filter(([, m]) => m.message.trim() === '')
          .map(([k]) => k),
      ).toEqual([]);
    }
  });
});
