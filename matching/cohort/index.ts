/** Structural-change cohorts: a laid-off group analysed together (pure algorithms). */
export * from './cohort-profile';
export * from './nearly-covered';
export * from './assignment';
export * from './training-cover';
export * from './analyse-cohort';
