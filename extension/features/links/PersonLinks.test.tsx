// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonLinks } from './PersonLinks.tsx';

afterEach(cleanup);

const lookupUrl = (q: string) => `chrome-extension://test/popup.html?q=${encodeURIComponent(q)}`;

describe('PersonLinks', () => {
  it('warns with same-name wording and links each listed entity to its lookup', async () => {
    const transport = async () => ({
      ok: true,
      links: [
        { key: 'name:示例市丙商贸有限公司', name: '示例市丙商贸有限公司', seriousListed: true, teamListed: false },
        { key: '91330100MA00000009', name: '<b>示例市丁贸易有限公司</b>', seriousListed: false, teamListed: true },
      ],
    });
    render(<PersonLinks transport={transport} entityKey="K" person="李某某" lookupUrl={lookupUrl} />);
    const warning = await screen.findByTestId('person-links');
    expect(warning.textContent).toContain('同名，需核实');
    const links = screen.getAllByTestId('person-link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([lookupUrl('name:示例市丙商贸有限公司'), lookupUrl('91330100MA00000009')]);
    // Names are text, never markup.
    expect(links[1]!.textContent).toBe('<b>示例市丁贸易有限公司</b>');
    expect(warning.textContent).toContain('严重违法失信名单');
    expect(warning.textContent).toContain('团队已列入');
  });

  it('says when there is none, and when the check failed', async () => {
    const { unmount } = render(
      <PersonLinks transport={async () => ({ ok: true, links: [] })} entityKey="K" person="王五" lookupUrl={lookupUrl} />,
    );
    expect((await screen.findByTestId('person-links-none')).textContent).toContain('王五');
    unmount();
    render(
      <PersonLinks
        transport={async () => ({ ok: false, error: 'down', key: 'team_history_unreachable' })}
        entityKey="K"
        person="王五"
        lookupUrl={lookupUrl}
      />,
    );
    // The refusal's own message, in Chinese; the background's English stays in its log.
    expect((await screen.findByTestId('person-links-error')).textContent).toContain('无法连接团队服务器');
  });
});
