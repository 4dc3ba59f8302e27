import { log, logSink, setLogSink } from '../../src/kernel/logger';

/** The service's log lines: JSON, one a line, never a person's data (checklist 20, 24). */
describe('the logger', () => {
  const capture = (write: () => void): Record<string, unknown>[] => {
    const previous = logSink;
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    try {
      write();
    } finally {
      setLogSink(previous);
    }
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  };

  it('writes one JSON object a line with the time, the level, the event and the fields', () => {
    const [line] = capture(() => log.warn('vacancy_closed', { vacancies: 3, dryRun: false }));
    expect(line).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'warn',
      event: 'vacancy_closed',
      vacancies: 3,
      dryRun: false,
    });
  });

  it('removes fields that name a person, whoever passes them', () => {
    const [line] = capture(() =>
      log.info('jobseeker_updated', {
        jobseekerId: 'js-1',
        email: 'maija.meikalainen@example.fi',
        firstName: 'Maija',
        personalIdentityCode: '010190-123A',
      }),
    );
    expect(line).toEqual({
      time: expect.any(String),
      level: 'info',
      event: 'jobseeker_updated',
      jobseekerId: 'js-1',
    });
  });

  it('follows LOG_LEVEL as it is set', () => {
    const before = process.env.LOG_LEVEL;
    try {
      process.env.LOG_LEVEL = 'error';
      expect(capture(() => log.warn('quiet'))).toEqual([]);
      process.env.LOG_LEVEL = 'debug';
      expect(capture(() => log.debug('loud')).map((l) => l.event)).toEqual(['loud']);
    } finally {
      if (before === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = before;
    }
  });
});
