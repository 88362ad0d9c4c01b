import { useEffect, useRef } from 'react';
import { invoke } from '../api.ts';

/** How often, at most, the renderer tells the main process someone is still at work. */
const ACTIVITY_PING_MS = 60_000;

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once after `minutes` without keyboard, mouse or touch activity. */
export function useIdleLock(minutes: number | undefined, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!minutes) return;
    let timer = window.setTimeout(() => callback.current(), minutes * 60_000);
    let lastPing = Date.now();
    const reset = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callback.current(), minutes * 60_000);
      if (Date.now() - lastPing >= ACTIVITY_PING_MS) {
        lastPing = Date.now();
        void invoke('app.activity', {}).catch(() => undefined);
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, reset);
    };
  }, [minutes]);
}
