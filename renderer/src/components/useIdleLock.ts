import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '../api.ts';

/** How often, at most, the renderer tells the main process someone is still at work. */
const ACTIVITY_PING_MS = 60_000;
/** How long before the lock the warning comes: two minutes, or half the idle time if that is shorter. */
const WARNING_MS = 120_000;

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleLockState {
  /** Seconds until the lock while the warning shows; null otherwise. */
  secondsLeft: number | null;
  /** "Stay signed in": the idle time starts again, and the main process hears at once. */
  stay: () => void;
}

/**
 * Calls `onIdle` once after `minutes` without keyboard, mouse or touch activity, warning first
 * (WCAG 2.2.1: someone reading with a screen reader makes no events, and must be able to say
 * they are still there). Any activity while the warning shows ends it.
 */
export function useIdleLock(minutes: number | undefined, onIdle: () => void): IdleLockState {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const restart = useRef<(ping: boolean) => void>(() => undefined);

  useEffect(() => {
    if (!minutes) return;
    const idleMs = minutes * 60_000;
    const warnMs = Math.min(WARNING_MS, idleMs / 2);
    let lockAt = Date.now() + idleMs;
    let lastPing = Date.now();
    const tick = window.setInterval(() => {
      const left = lockAt - Date.now();
      if (left <= 0) {
        window.clearInterval(tick);
        setSecondsLeft(null);
        callback.current();
      } else if (left <= warnMs) {
        setSecondsLeft(Math.ceil(left / 1000));
      }
    }, 1000);
    const reset = (ping: boolean): void => {
      lockAt = Date.now() + idleMs;
      setSecondsLeft(null);
      if (ping || Date.now() - lastPing >= ACTIVITY_PING_MS) {
        lastPing = Date.now();
        void invoke('app.activity', {}).catch(() => undefined);
      }
    };
    restart.current = reset;
    const onActivity = (): void => reset(false);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      window.clearInterval(tick);
      restart.current = () => undefined;
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    };
  }, [minutes]);

  const stay = useCallback(() => restart.current(true), []);
  return { secondsLeft, stay };
}
