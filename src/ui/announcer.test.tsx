import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCE_CLEAR_MS, ANNOUNCE_DELAY_MS, AnnouncerProvider, useAnnounce } from './announcer';
import { Notice } from './notice';

function region(): HTMLElement {
  const element = document.getElementById('app-announcer');
  if (!element) throw new Error('no announcer region');
  return element;
}

function AnnounceButton({ message }: { message: string }) {
  const announce = useAnnounce();
  return (
    <button type="button" onClick={() => announce(message)}>
      Announce
    </button>
  );
}

describe('AnnouncerProvider', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a polite live region that exists, empty, from the start', () => {
    render(<AnnouncerProvider>content</AnnouncerProvider>);
    expect(region()).toHaveAttribute('aria-live', 'polite');
    expect(region()).toHaveAttribute('aria-atomic', 'true');
    expect(region()).toBeEmptyDOMElement();
  });

  it('speaks a notice the screen opens with, after the heading has had its turn, then lets it go', () => {
    render(
      <AnnouncerProvider>
        <Notice message="Your password has been changed." />
      </AnnouncerProvider>,
    );
    // The notice itself shows at once; its region was created with it, so the announcer speaks it.
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been changed.');
    expect(region()).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY_MS));
    expect(region()).toHaveTextContent('Your password has been changed.');
    act(() => vi.advanceTimersByTime(ANNOUNCE_CLEAR_MS));
    expect(region()).toBeEmptyDOMElement();
  });

  it('leaves a notice that arrives later to the notice region itself', () => {
    const { rerender } = render(
      <AnnouncerProvider>
        <Notice />
      </AnnouncerProvider>,
    );
    rerender(
      <AnnouncerProvider>
        <Notice message="A new code was sent." />
      </AnnouncerProvider>,
    );
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY_MS * 2));
    expect(region()).toBeEmptyDOMElement();
    expect(screen.getByRole('status')).toHaveTextContent('A new code was sent.');
  });

  it('empties the region before the same message again, so it is a change a screen reader speaks', () => {
    render(
      <AnnouncerProvider>
        <AnnounceButton message="Signed out." />
      </AnnouncerProvider>,
    );
    act(() => screen.getByRole('button').click());
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY_MS));
    expect(region()).toHaveTextContent('Signed out.');
    act(() => screen.getByRole('button').click());
    expect(region()).toBeEmptyDOMElement();
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY_MS));
    expect(region()).toHaveTextContent('Signed out.');
  });

  it('does nothing outside a provider', () => {
    render(<AnnounceButton message="Nobody hears this." />);
    act(() => screen.getByRole('button').click());
    act(() => vi.advanceTimersByTime(ANNOUNCE_DELAY_MS));
    expect(document.getElementById('app-announcer')).toBeNull();
  });
});
