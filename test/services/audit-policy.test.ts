import { readAudit } from '../../scripts/audit-policy';

const report = (vulnerabilities: Record<string, string>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      Object.entries(vulnerabilities).map(([name, severity]) => [name, { name, severity }]),
    ),
    metadata: {
      vulnerabilities: {
        ...Object.fromEntries(
          ['info', 'low', 'moderate', 'high', 'critical'].map((s) => [
            s,
            Object.values(vulnerabilities).filter((v) => v === s).length,
          ]),
        ),
        total: Object.keys(vulnerabilities).length,
      },
    },
  });

describe('the npm audit policy', () => {
  it('blocks on high and critical advisories, reports the rest', () => {
    expect(readAudit(report({ a: 'critical', b: 'moderate', c: 'high' }), false).blocking).toEqual([
      'a',
      'c',
    ]);
    const mild = readAudit(report({ b: 'moderate', d: 'low' }), false);
    expect(mild).toMatchObject({ answered: true, blocking: [], counts: { moderate: 1, low: 1 } });
  });

  it('does not block when the audit endpoint does not answer: an error, a timeout, no JSON', () => {
    // What npm 11 prints when the registry refuses the bulk advisory request.
    const refused = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(readAudit(refused, false)).toEqual({
      answered: false,
      counts: {},
      blocking: [],
      problem: expect.stringMatching(/^405 Method Not Allowed/),
    });
    expect(readAudit('', true)).toMatchObject({ answered: false, blocking: [] });
    expect(readAudit('npm ERR! network', false)).toMatchObject({ answered: false, blocking: [] });
  });
});
