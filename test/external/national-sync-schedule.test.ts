import { latestHourIn, nextKind } from '../../src/jobs/national-sync-job';

/** The nightly hour is read on Finnish clocks: UTC+2 in winter, UTC+3 in summer. */
describe('the national sync schedule', () => {
  const iso = (d: Date) => d.toISOString();

  it('finds the latest 03:00 Helsinki time at or before now, in winter and in summer', () => {
    // 1 December 10:00 UTC is 12:00 in Helsinki (EET): today's 03:00 was 01:00 UTC.
    expect(iso(latestHourIn(new Date('2026-12-01T10:00:00Z'), 3))).toBe('2026-12-01T01:00:00.000Z');
    // 00:30 UTC is 02:30 in Helsinki: 03:00 has not come yet today, so yesterday's.
    expect(iso(latestHourIn(new Date('2026-12-01T00:30:00Z'), 3))).toBe('2026-11-30T01:00:00.000Z');
    // Exactly at the hour counts.
    expect(iso(latestHourIn(new Date('2026-12-01T01:00:00Z'), 3))).toBe('2026-12-01T01:00:00.000Z');
    // 15 July (EEST, UTC+3): 03:00 is 00:00 UTC.
    expect(iso(latestHourIn(new Date('2026-07-15T12:00:00Z'), 3))).toBe('2026-07-15T00:00:00.000Z');
    // Midnight and 23:00.
    expect(iso(latestHourIn(new Date('2026-12-01T10:00:00Z'), 0))).toBe('2026-11-30T22:00:00.000Z');
    expect(iso(latestHourIn(new Date('2026-12-01T10:00:00Z'), 23))).toBe(
      '2026-11-30T21:00:00.000Z',
    );
  });

  it('crosses the changes of clocks: the hour after the change is on the new offset', () => {
    // Summer time starts 29 March 2026 at 03:00 EET (01:00 UTC); 04:00 that day is EEST.
    expect(iso(latestHourIn(new Date('2026-03-29T06:00:00Z'), 4))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(latestHourIn(new Date('2026-03-28T06:00:00Z'), 4))).toBe('2026-03-28T02:00:00.000Z');
    // Winter time returns 25 October 2026 at 04:00 EEST (01:00 UTC); 05:00 that day is EET.
    expect(iso(latestHourIn(new Date('2026-10-25T06:00:00Z'), 5))).toBe('2026-10-25T03:00:00.000Z');
  });

  it('asks for a full pull without a watermark, without a full pull recorded, and after the nightly hour', async () => {
    const now = new Date('2026-12-01T10:00:00Z'); // 12:00 in Helsinki
    const state = (watermark: string | null, lastFull: string | null) => ({
      watermark: async () => (watermark ? new Date(watermark) : null),
      lastFullAt: async () => (lastFull ? new Date(lastFull) : null),
    });
    expect(await nextKind(state(null, '2026-12-01T09:00:00Z'), now, 3)).toBe('full');
    expect(await nextKind(state('2026-12-01T08:00:00Z', null), now, 3)).toBe('full');
    // The last full pull was before today's 03:00 (01:00 UTC): the night's reconcile is due.
    expect(await nextKind(state('2026-12-01T08:00:00Z', '2026-12-01T00:50:00Z'), now, 3)).toBe(
      'full',
    );
    // Done since: the rest of the day is incremental.
    expect(await nextKind(state('2026-12-01T08:00:00Z', '2026-12-01T01:20:00Z'), now, 3)).toBe(
      'incremental',
    );
  });
});
