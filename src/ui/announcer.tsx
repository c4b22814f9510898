import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

/** Outside the layout (a screen tested on its own) there is no region, and announcing does nothing. */
const AnnouncerContext = createContext<Announce>(() => undefined);

/**
 * How long after a screen change the message is spoken: long enough for the screen reader to have read
 * the heading that took focus, so the message follows it instead of being cut off by it.
 */
export const ANNOUNCE_DELAY_MS = 400;
/** The message then leaves the region, so that reading the page later does not meet it a second time. */
export const ANNOUNCE_CLEAR_MS = 8000;

/**
 * A polite live region that lasts across screen changes. Screen readers announce what is inserted into a
 * live region that already exists, not what a new screen brings with it: a notice that a screen opens
 * with ("Your password has been changed.") is spoken through this region instead.
 *
 * The text is written to the region directly, not through React state, so a message due after a test
 * has finished cannot cause a stray render.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const regionRef = useRef<HTMLDivElement>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);

  const clearTimers = useCallback(() => {
    for (const timer of timers.current) clearTimeout(timer);
    timers.current = [];
  }, []);

  const announce = useCallback<Announce>(
    (message) => {
      clearTimers();
      const region = regionRef.current;
      if (!region) return;
      // Emptied first, so that the same message a second time is still a change and is spoken.
      region.textContent = '';
      timers.current = [
        setTimeout(() => {
          region.textContent = message;
        }, ANNOUNCE_DELAY_MS),
        setTimeout(() => {
          region.textContent = '';
        }, ANNOUNCE_DELAY_MS + ANNOUNCE_CLEAR_MS),
      ];
    },
    [clearTimers],
  );

  useEffect(() => clearTimers, [clearTimers]);

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div ref={regionRef} className="visually-hidden" aria-live="polite" aria-atomic="true" id="app-announcer" />
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}

/**
 * Speaks `message` once if it is there when the component mounts (a notice a screen opens with); a message
 * that arrives later is the component's own live region's to announce.
 */
export function useAnnounceOnArrival(message: string | undefined): void {
  const announce = useAnnounce();
  const [arrivalMessage] = useState(message);
  useEffect(() => {
    if (arrivalMessage) announce(arrivalMessage);
  }, [announce, arrivalMessage]);
}
