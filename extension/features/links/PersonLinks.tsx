/**
 * The person-link line of the overlay (links.html, an extension-origin frame of fixed size, so the page learns
 * nothing of the result): other entities whose legal representative has the same name and that are listed — on the
 * serious list as last seen here, or marked listed by the team. Worded as a same-name match to verify (同名，需核实),
 * never as a fact; each links to the lookup of that entity.
 */
import { useEffect, useState } from 'react';
import { request, type Transport } from '../../messaging/client.ts';
import type { Response } from '../../messaging/protocol.ts';
import { t } from '../../ui/i18n.ts';
import { messageOf } from '../../ui/format.ts';

type Links = Response<'person:links'>['links'];

export interface PersonLinksProps {
  transport: Transport;
  entityKey: string;
  person: string;
  /** The lookup page of an entity key (popup.html?q=…). */
  lookupUrl(query: string): string;
  /** How often to ask again (the team document changes); tests shorten it. */
  pollMs?: number;
}

export function PersonLinks({ transport, entityKey, person, lookupUrl, pollMs = 15_000 }: PersonLinksProps) {
  const [links, setLinks] = useState<Links | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () =>
      request(transport, { type: 'person:links', entityKey, person }).then(
        (answer) => live && (setLinks(answer.links), setError(null)),
        (e: unknown) => live && setError(messageOf(e)),
      );
    void ask();
    const timer = setInterval(() => void ask(), pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [transport, entityKey, person, pollMs]);

  if (error !== null)
    return (
      <p className="links-muted" data-testid="person-links-error">
        {t('links_error', error)}
      </p>
    );
  if (links === null) return <p className="links-muted">{t('links_checking', person)}</p>;
  if (links.length === 0)
    return (
      <p className="links-muted" data-testid="person-links-none">
        {t('links_none', person)}
      </p>
    );
  return (
    <div className="links-warning" data-testid="person-links">
      <p className="links-title">{t('links_warning', person, links.length)}</p>
      <ul>
        {links.map((link) => (
          <li key={link.key}>
            <a href={lookupUrl(link.key)} target="_blank" rel="noopener noreferrer" data-testid="person-link">
              {link.name}
            </a>
            {link.seriousListed && <span className="links-flag">{t('links_serious')}</span>}
            {link.teamListed && <span className="links-flag">{t('links_team')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
