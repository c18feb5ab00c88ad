import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { record } from '../test-support/records.ts';
import { assessRecord } from '../engine/assess.ts';
import type { IsoDate } from '../lib/dates.ts';
import { EvidenceManifest } from '../schemas/evidence.ts';
import { SiteRules } from '../sites/site-rules.ts';
import { beijingTime, evidenceFileName, evidenceZip, sectionFiles, sectionsFromFiles } from './evidence-zip.ts';

const sha256 = async (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const READER = { site: 'gsxt-gov-cn', version: '1.0.0', layout: 'web-2026' } as const;
const RULES = { version: 3, site: { layouts: { '*': { columnAliases: { 处罚文书编号: '决定书文号' } } } } };

describe('evidence ZIP', () => {
  it('lists every file but the manifest with its size and SHA-256, and says whether the MHTML is there', async () => {
    const rec = record({});
    const mhtml = new TextEncoder().encode('MIME-Version: 1.0\r\n');
    const { zip, manifest, fileName } = await evidenceZip(
      {
        html: '<html></html>',
        mhtml: { state: 'included', bytes: mhtml },
        record: rec,
        assessment: assessRecord(rec, { asOf: '2026-12-07' as IsoDate }),
        sections: [{ kind: 'penalties', pages: [{ recordsTotal: 1, data: [{ a: 1 }] }] }],
        url: 'https://www.gsxt.gov.cn/x',
        observedAt: '2026-12-07T16:05:09.000Z',
        reader: { ...READER, rulesVersion: 3 },
        officer: 'zhang',
        extensionVersion: '0.1.0',
        rules: RULES,
      },
      sha256,
    );
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'assessment.json',
      'manifest.json',
      'page.html',
      'page.mhtml',
      'record.json',
      'sections/penalties-1.json',
      'site-rules.json',
    ]);
    // The rules the page was read with, as a site-rules file of the one site: what verify-evidence re-reads it with.
    expect(SiteRules.parse(JSON.parse(new TextDecoder().decode(files['site-rules.json'])))).toEqual({
      format: 'creditlens-site-rules',
      version: 3,
      sites: { 'gsxt-gov-cn': RULES.site },
    });
    expect(EvidenceManifest.parse(JSON.parse(new TextDecoder().decode(files['manifest.json'])))).toEqual(manifest);
    for (const listed of manifest.files) expect(listed.sha256).toBe(await sha256(files[listed.name] as Uint8Array));
    expect(manifest).toMatchObject({ mhtml: 'included', officer: 'zhang', rulesVersion: 3, observedAtBeijing: '2026-12-08 00:05:09' });
    expect(fileName).toBe(`取证-${rec.entity.name}-${rec.entity.uscc ?? ''}-20261208-000509.zip`.replace('--', '-'));
  });

  it('makes file names safe on any system', () => {
    expect(evidenceFileName({ name: '../a/b:c*?"<>|\u0001公司 ', uscc: '9133' }, '2026-01-01T00:00:00Z')).toBe(
      '取证-_a_b_c_公司-9133-20260101-080000.zip',
    );
    expect(evidenceFileName({ name: '' }, '2026-01-01T00:00:00Z')).toBe('取证-_-20260101-080000.zip');
    expect(beijingTime('2026-06-30T23:59:59.000Z')).toBe('2026-07-01 07:59:59');
  });

  it('reads the section replies back in their order (page 10 after page 2)', () => {
    const pages = Array.from({ length: 10 }, (_, i) => ({ recordsTotal: 10, data: [{ n: i }] }));
    const files = sectionFiles([
      { kind: 'penalties', pages },
      { kind: 'serious', pages: [] },
    ]).reverse();
    expect(sectionsFromFiles(files)).toEqual([{ kind: 'penalties', pages }]);
    expect(() => sectionsFromFiles([{ name: 'sections/abnormal-1.json', text: '{"x":1}' }])).toThrow(/abnormal-1/);
  });
});
