/** The matching core: pure scoring of (jobseeker, vacancy) pairs over a skill graph. */
export * from './types';
export * from './cefr';
export * from './params';
export * from './params-version';
export * from './skill-graph';
export * from './score';
export * from './rank';
export * from './skills-met';
export * from './explain';
export * from './evaluation/taxonomy-view';
export * from './evaluation/run-evaluation';
export * from './ranking';
export * from './insights';
export * from './trainings';
export * from './disclosure/cell-key';
export * from './cohort';
