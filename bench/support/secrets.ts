/** A fixed secret for the bench's own server process (never used outside the bench). */
export const TEST_JWT_SECRET_FOR_BENCH = 'bench-secret-of-at-least-thirty-two-bytes!!';
