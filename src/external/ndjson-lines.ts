/**
 * NDJSON read as it arrives: one line handed on at a time, so a full pull of some 12,000 ads
 * (over 100 MB) never sits in memory whole. The stream has no end marker, so a cut-off stream
 * is recognised by what it leaves behind: a connection that ends mid-body, or a last line
 * without its newline that is not JSON.
 */

/** The longest line read; a longer one is dropped and reported as bad (a posting is ~10 kB). */
export const DEFAULT_MAX_LINE_BYTES = 2 * 1024 * 1024;

export interface NdjsonEnd {
  /** Non-empty lines handed on, oversized ones included. */
  lines: number;
  bytes: number;
  /** False when the stream was cut off: nothing about what is missing may be concluded. */
  complete: boolean;
  /** Why it counts as cut off. */
  cutOff: string | null;
}

/**
 * Calls `onLine` with each non-empty line, in order; `null` stands for a line longer than
 * `maxLineBytes`, dropped unread. Our own abort (a time limit) is thrown, not taken for a cut.
 */
export async function readNdjsonLines(
  body: AsyncIterable<Uint8Array>,
  onLine: (line: string | null) => void | Promise<void>,
  signal?: AbortSignal,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<NdjsonEnd> {
  const decoder = new TextDecoder('utf-8');
  let tail = '';
  let oversized = false;
  let lines = 0;
  let bytes = 0;
  const hand = async (line: string | null) => {
    if (line !== null && !line.trim()) return;
    lines++;
    await onLine(line === null ? null : line.trim());
  };
  try {
    for await (const chunk of body) {
      bytes += chunk.byteLength;
      const parts = (tail + decoder.decode(chunk, { stream: true })).split('\n');
      tail = parts.pop() ?? '';
      for (const part of parts) {
        if (oversized) {
          // The rest of a dropped line, up to its newline.
          oversized = false;
          await hand(null);
          continue;
        }
        await hand(part);
      }
      if (tail.length > maxLineBytes) {
        tail = '';
        oversized = true;
      }
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    // The connection ended before the body did (undici: "terminated").
    return { lines, bytes, complete: false, cutOff: `the stream broke off: ${String(error)}` };
  }
  tail += decoder.decode();
  if (oversized) return { lines, bytes, complete: false, cutOff: 'the stream ended mid-line' };
  if (tail.trim()) {
    // A last line without its newline is whole only if it is JSON.
    try {
      JSON.parse(tail);
    } catch {
      return { lines, bytes, complete: false, cutOff: 'the last line is cut short' };
    }
    await hand(tail);
  }
  return { lines, bytes, complete: true, cutOff: null };
}
