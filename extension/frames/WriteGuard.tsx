/**
 * What stands between a click in a frame shown inside a credit page and a write: the frame must hold the grant of the
 * overlay's token (a frame the page loaded itself never does), be visible to the user, and the click must be the
 * user's own (`isTrusted`; a page's script cannot make one). Some writes ask first, inside the frame; where
 * visibility cannot be tracked (the Firefox build), every write does. Controls read `canWrite` to disable themselves.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { t } from '../ui/i18n.ts';

export type GrantState = 'checking' | 'granted' | 'refused';

export interface GuardState {
  grant: GrantState;
  visible: boolean;
  /** Every write is confirmed first (no visibility tracking). */
  confirmEveryWrite: boolean;
}

export interface WriteGuard {
  canWrite: boolean;
  /** Runs `write` for a real user event when writes are possible; asks "确认…" first when `always` or every write asks. */
  act(event: { isTrusted: boolean }, what: string, write: () => void, always?: string): void;
}

/** Outside a guard (a page that forgot one), nothing can be written. */
const WriteGuardContext = createContext<WriteGuard>({ canWrite: false, act: () => {} });

export const useWriteGuard = (): WriteGuard => useContext(WriteGuardContext);

interface Pending {
  question: string;
  write: () => void;
}

export function FrameGuard({ state, children }: { state: GuardState; children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const canWrite = state.grant === 'granted' && state.visible;
  const guard: WriteGuard = {
    canWrite,
    act: (event, what, write, always) => {
      if (!event.isTrusted || !canWrite) return;
      if (always === undefined && !state.confirmEveryWrite) write();
      else setPending({ question: always ?? t('frame_confirm', what), write });
    },
  };
  const answer = (event: { isTrusted: boolean }, yes: boolean) => {
    if (!event.isTrusted) return;
    if (yes && canWrite) pending?.write();
    setPending(null);
  };
  return (
    <WriteGuardContext.Provider value={guard}>
      {state.grant === 'refused' && (
        <p className="frame-notice" role="alert" data-testid="frame-readonly">
          {t('frame_not_ours')}
        </p>
      )}
      {state.grant === 'granted' && !state.visible && (
        <p className="frame-notice" data-testid="frame-hidden">
          {t('frame_not_visible')}
        </p>
      )}
      {pending && (
        <div className="frame-confirm" role="alertdialog" aria-label={pending.question} data-testid="frame-confirm">
          <p>{pending.question}</p>
          <button type="button" data-testid="frame-confirm-yes" disabled={!canWrite} onClick={(e) => answer(e, true)}>
            {t('frame_confirm_yes')}
          </button>
          <button type="button" data-testid="frame-confirm-no" onClick={(e) => answer(e, false)}>
            {t('frame_confirm_no')}
          </button>
        </div>
      )}
      {children}
    </WriteGuardContext.Provider>
  );
}
