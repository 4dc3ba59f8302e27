import { MatchParams } from '../params';
import { RelatedSkill } from '../skill-graph';
import { OccupationPostings } from './occupation-postings';
import { PlaceCells } from './place';
import { PostingLists } from './posting-lists';
import { QueryScratch } from './scratch';
import { RankLoop } from './rank-loop';
import { BoundedSelection, CheapTotal, RankQuery, RankResult } from './select';
import { SkillExpansions } from './skill-expansions';
import { POSTINGS_PER_SEED, SeedFloor } from './stages';
import { SkillNumbers } from './skill-numbers';
import { compactionDue, SlotTable } from './slot-table';

/**
 * What both match indexes share: records in slots (tombstones until compaction), numbered
 * skills with their posting lists, occupation postings, and the query machinery. A subclass
 * packs its records' entries (claims or requirements) and ranks one direction.
 */
export abstract class RecordIndex<P extends { id: string }, Q> {
  protected readonly skillNumbers = new SkillNumbers();
  protected readonly slots = new SlotTable<P>();
  protected readonly postings = new PostingLists();
  protected readonly occupations = new OccupationPostings();
  protected readonly expansions: SkillExpansions;
  protected readonly scratch = new QueryScratch();
  protected readonly selection = new BoundedSelection();
  protected readonly cheapTotal: CheapTotal;
  protected readonly places = new PlaceCells();
  protected readonly seeds = new SeedFloor();
  /** The stages both directions share (each index brings its terms and its walk). */
  protected readonly loop = new RankLoop(this.seeds, this.selection);
  /**
   * Off: every query walks every posting list of its skills and their related skills, and
   * none is skipped by place (what the index did before MaxScore pruning), for the bench's
   * comparison in the same run. The results are the same either way.
   */
  pruning = true;
  /**
   * What estimating one seed costs, in postings walked: a query takes at most its postings
   * over this many seeds (0: no such limit, so that tests take seeds on a tiny index too).
   */
  postingsPerSeed = POSTINGS_PER_SEED;

  protected constructor(
    protected readonly params: MatchParams,
    /** The graph edges a skill expands along (required → held, or held → required). */
    edgesOf: (uri: string) => readonly RelatedSkill[],
  ) {
    this.cheapTotal = new CheapTotal(params);
    this.expansions = new SkillExpansions(this.skillNumbers, edgesOf, params);
  }

  get size(): number {
    return this.slots.liveCount;
  }

  has(id: string): boolean {
    return this.slots.slotOf(id) !== undefined;
  }

  /** Adds or replaces a record; the old version is never served again. */
  upsert(profile: P, tag: string): void {
    this.append(profile, tag, true);
  }

  /** Removes a record (a deleted jobseeker; a closed, filled or deleted vacancy); false if it was not indexed. */
  remove(id: string): boolean {
    return this.slots.remove(id);
  }

  /** Every live record with its tag, in slot order (a cohort reads the vacancies near it). */
  *records(): IterableIterator<{ profile: P; tag: string }> {
    const { items, tags, alive } = this.slots;
    for (let slot = 0; slot < items.length; slot++)
      if (alive.data[slot]) yield { profile: items[slot]!, tag: tags[slot]! };
  }

  /** Whether enough has changed since the last compaction to make it worth its cost. */
  get needsCompaction(): boolean {
    return compactionDue(this.slots, this.postings);
  }

  /** Lengths of all posting lists, for the bench. */
  postingLengths(): number[] {
    return this.postings.lengths(this.skillNumbers.size);
  }

  /** Packs the live slots and rebuilds the posting lists without the delta and tombstones. */
  abstract compact(): void;

  /** The best k records for the other side's profile, exactly as scoring every record would rank them. */
  abstract rank(query: Q, options: RankQuery<P>): RankResult;

  protected abstract append(profile: P, tag: string, addPostings: boolean): void;

  /** Fills a new index from every record at once (packed postings, no delta). */
  protected fill(records: Iterable<{ profile: P; tag: string }>): this {
    for (const { profile, tag } of records) this.append(profile, tag, false);
    this.compact();
    return this;
  }
}
