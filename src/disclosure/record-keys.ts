import { createHmac, hkdfSync } from 'node:crypto';
import { DEFAULT_CELL_KEY_PARAMS, RecordKeySource } from '../../matching';

/** Distinct from every other use of the secret: a record key says nothing about a pseudonym. */
const HKDF_INFO = 'osaamo/disclosure/cell-key-record-keys/v1';

/**
 * Each jobseeker's fixed random record key for the cell key method (matching/disclosure):
 * HMAC-SHA-256 of the jobseeker id under a subkey HKDF derives from the server's secret,
 * mapped to 0..bigN−1. Deterministic, so a cell always gets the same key; unknowable without
 * the secret, so nobody can work out a cell's perturbation.
 */
export class RecordKeys implements RecordKeySource {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly bigN = DEFAULT_CELL_KEY_PARAMS.bigN,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, 32));
  }

  keyOf(jobseekerId: string): number {
    const digest = createHmac('sha256', this.key).update(jobseekerId).digest();
    // 48 bits into 1..bigN−1 (bigN ≤ 2^32), uniform to within 2^−16. Never 0: a person with key
    // 0 would leave every cell's key, and so its perturbation, unchanged.
    return 1 + (digest.readUIntBE(0, 6) % (this.bigN - 1));
  }
}
