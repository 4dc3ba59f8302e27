import { page } from '../../src/profile-transfers/callback-route';
import { log, logSink, setLogSink, SECRET_FIELDS } from '../../src/kernel/logger';

/** What the person sees after the permit page, and what the log never holds. */
describe('the permit callback page and the log', () => {
  it('answers in the transfer’s language, for each outcome', () => {
    expect(page({ outcome: 'completed', direction: 'import', language: 'sv' })).toContain(
      'som ett utkast',
    );
    expect(page({ outcome: 'completed', direction: 'export', language: 'en' })).toContain(
      'Profile exported',
    );
    expect(
      page({ outcome: 'completed', direction: 'import', language: 'fi', draftMade: false }),
    ).toContain('luonnosta ei tehty');
    expect(page({ outcome: 'expired', direction: 'import', language: 'fi' })).toContain(
      '10 minuutin',
    );
    expect(page({ outcome: 'unknown', direction: null, language: 'fi' })).toContain('lang="fi"');
  });

  it('drops codes, states, tokens, secrets and profiles from every log line', () => {
    const lines: string[] = [];
    const previous = logSink;
    setLogSink((line) => lines.push(line));
    try {
      log.warn('profile_transfer_test', {
        code: 'auth-code-123',
        state: 'state-456',
        accessToken: 'token-789',
        clientSecret: 'secret-0',
        transferId: 'kept',
      });
    } finally {
      setLogSink(previous);
    }
    expect(lines).toHaveLength(1);
    for (const secret of ['auth-code-123', 'state-456', 'token-789', 'secret-0'])
      expect(lines[0]).not.toContain(secret);
    expect(lines[0]).toContain('kept');
    expect(SECRET_FIELDS).toEqual(expect.arrayContaining(['code', 'state', 'profile']));
  });
});
