// Owns table match_change and its channel osaamo_match_change; rows are written only by migration MatchChangeFeed1795860000000's triggers.
import type { ClientBase } from 'pg';

/** The channel the triggers NOTIFY on (a wake-up only: the table is the truth). */
export const MATCH_CHANGE_CHANNEL = 'osaamo_match_change';

/** Subscribes the connection to the feed's wake-ups. */
export async function listenForMatchChanges(client: ClientBase): Promise<void> {
  await client.query(`LISTEN ${MATCH_CHANGE_CHANNEL}`);
}
