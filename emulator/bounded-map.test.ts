import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  const clock = { now: 1_000_000 };
  const make = (maxEntries = 3) =>
    new BoundedMap<string, { until: number }>({ maxEntries, expiresAt: (value) => value.until, now: () => clock.now });

  it('never holds more than maxEntries: the entry written longest ago goes first', () => {
    const map = make();
    for (const key of ['a', 'b', 'c', 'd']) map.set(key, { until: clock.now + 60_000 });
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
    // Writing an entry again makes it the newest.
    map.set('b', { until: clock.now + 60_000 });
    map.set('e', { until: clock.now + 60_000 });
    expect([...map.keys()]).toEqual(['d', 'b', 'e']);
  });

  it('drops entries past their expiry on a later write, reading the expiry from the value as it is then', () => {
    const map = make(10);
    const changing = { until: clock.now + 1_000 };
    map.set('changing', changing);
    map.set('short', { until: clock.now + 1_000 });
    changing.until = clock.now + 60_000; // changed in place, as counters are
    clock.now += 2_000;
    map.set('new', { until: clock.now + 60_000 });
    expect([...map.keys()]).toEqual(['changing', 'new']);
  });

  it('behaves as a Map otherwise', () => {
    const map = make();
    map.set('a', { until: clock.now + 1 });
    expect(map.get('a')).toEqual({ until: clock.now + 1 });
    expect(map.delete('a')).toBe(true);
    expect(map.size).toBe(0);
  });
});
