/** Structural change cohorts: laid-off jobseekers analysed together (pure algorithms). */
export * from './assignment';
export * from './training-cover';
