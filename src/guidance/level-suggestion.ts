/**
 * A suggested proficiency level for a skill found in a jobseeker's own account of their work,
 * from the words around it, and the sentence that supports it. Pure: no database.
 *
 * Levels (the scale of assessed skills, 1–5):
 *  1 basic: "basic", "beginner"; "perustaidot", "alkeet"; "grundläggande", "nybörjare".
 *  2 some: "some experience", "familiar with"; "jonkin verran", "vähän kokemusta";
 *    "viss erfarenhet"; or less than a year stated.
 *  3 working level: "intermediate", "working knowledge"; "kohtalainen"; or one to three years;
 *    and the default when nothing is said (the person describes work they have done).
 *  4 advanced: "advanced", "proficient", "strong", "extensive"; "hallitsen", "vahva osaaminen",
 *    "pitkä kokemus"; "behärskar", "avancerade", "goda kunskaper", "lång erfarenhet"; or three
 *    years or more. Time alone never makes an expert.
 *  5 expert: "expert", "in-depth", "deep knowledge"; "asiantuntija", "erittäin hyvin",
 *    "syvällinen"; "expert", "djupa kunskaper", "mycket goda".
 *
 * The rule: only the sentence that names the skill counts (a sentence ends at . ! ? ; or a line
 * break). Within it, the level word nearest to the skill decides; without one, the nearest
 * stated duration ("5 vuoden kokemus", "3 years", "fem års erfarenhet", "6 kuukautta") decides
 * and also gives the months of experience; without either, the default. Words that are part
 * of a found skill's own name ("tietotekniikan perustaidot") are not cues. When several
 * sentences name the skill, the highest level any of them states wins. Negation ("no
 * experience") is not understood: the person or counsellor who confirms drops such a skill.
 */
import { messagesIn, textLanguage } from '../kernel/messages/messages';

export interface Span {
  start: number;
  end: number;
}

export interface LevelSuggestion {
  /** 1 (basic) to 5 (expert). */
  proficiency: number;
  /** Months of experience when a duration was stated; else null. */
  experienceMonths: number | null;
  /** The words that decided the level; null when the default applied. */
  cue: string | null;
  /** Why, in words a counsellor can read. */
  reason: string;
}

export interface SupportingWords {
  /** The sentence that names the skill, at most `SUPPORT_MAX_LENGTH` characters. */
  words: string;
  /** Where in `words` the skill is named. */
  highlightStart: number;
  highlightEnd: number;
}

export const LEVEL_RULES = {
  /** The level when the text says nothing about it: the working level. */
  defaultLevel: 3,
  /** A stated duration below this many months suggests level 2. */
  someBelowMonths: 12,
  /** From this many months on, level 4 (below it and from `someBelowMonths`, level 3). */
  advancedFromMonths: 36,
  /** Longest experience recorded (the assessed skill's own limit). */
  maxMonths: 600,
} as const;

export const SUPPORT_MAX_LENGTH = 400;

type Cues = readonly (readonly [RegExp, number])[];

// Each pattern is matched on the lower-cased text; \p{L} keeps Finnish and Swedish letters whole.
const W = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const cue = (pattern: string, level: number) =>
  [new RegExp(`${W}(?:${pattern})`, 'gu'), level] as const;

const LEVEL_WORDS: Record<string, Cues> & { en: Cues } = {
  en: [
    cue(`expert(?:s|ise)?${E}`, 5),
    cue(`in-depth${E}|deep (?:knowledge|expertise|understanding)${E}|master(?:ed|y)${E}`, 5),
    cue(`advanced${E}|proficient${E}|proficiency${E}|strong${E}|extensive${E}|solid${E}`, 4),
    cue(`intermediate${E}|working knowledge${E}|good (?:knowledge|command|skills)${E}`, 3),
    cue(`some (?:experience|knowledge)${E}|familiar with${E}|limited${E}`, 2),
    cue(`basic${E}|basics${E}|beginner${E}|elementary${E}`, 1),
  ],
  fi: [
    cue(`asiantuntij\\p{L}*|erittäin (?:hyv|vahv)\\p{L}*|syvälli\\p{L}*|huippuosaa\\p{L}*`, 5),
    cue(`hallits\\p{L}*|hallitse\\p{L}*|vahv\\p{L}* (?:osaami|koke|taid|tunte)\\p{L}*`, 4),
    cue(`edistyne\\p{L}*|pitkä\\p{L}* kokemu\\p{L}*|pitkää kokemusta`, 4),
    cue(`kohtalai\\p{L}*|kelvolli\\p{L}*`, 3),
    cue(`jonkin verran${E}|vähän (?:kokemu|osaa)\\p{L}*|hieman\\p{L}*`, 2),
    cue(`perustaid\\p{L}*|perustied\\p{L}*|perusosaami\\p{L}*|alkee\\p{L}*|aloittelij\\p{L}*`, 1),
  ],
  sv: [
    cue(`expert\\p{L}*|djup\\p{L}* (?:kunskap|kännedom|erfarenhet)\\p{L}*|mycket goda${E}`, 5),
    cue(`behärska\\p{L}*|avancerad\\p{L}*|gedigen${E}|gedigna${E}|goda kunskaper${E}`, 4),
    cue(`lång erfarenhet${E}|stor erfarenhet${E}`, 4),
    cue(`viss erfarenhet${E}|någon erfarenhet${E}|begränsad\\p{L}*`, 2),
    cue(`grundläggande${E}|grundkunskap\\p{L}*|nybörja\\p{L}*`, 1),
  ],
};

/** Number words of each language, as stated durations use them ("kolme vuotta", "fem år"). */
const NUMBER_WORDS: Record<string, Record<string, number>> & { en: Record<string, number> } = {
  en: {
    a: 1,
    an: 1,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
  },
  fi: {
    yksi: 1,
    yhden: 1,
    kaksi: 2,
    kahden: 2,
    kolme: 3,
    kolmen: 3,
    neljä: 4,
    neljän: 4,
    viisi: 5,
    viiden: 5,
    kuusi: 6,
    kuuden: 6,
    seitsemän: 7,
    kahdeksan: 8,
    yhdeksän: 9,
    kymmenen: 10,
    puoli: 0.5,
    puolen: 0.5,
  },
  sv: { ett: 1, en: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10 },
};

/** Year and month words following a number: "5 years", "5 vuoden", "5 vuotta", "5 års", "6 månader". */
const UNITS: Record<string, { years: string; months: string }> & {
  en: { years: string; months: string };
} = {
  en: { years: `(?:years?|yrs?)${E}`, months: `months?${E}` },
  fi: { years: `(?:vuo(?:si|den|tta|tena|siksi|det)|v\\.)`, months: `kuukau(?:si|den|tta)` },
  sv: { years: `(?:år|års|åren)${E}`, months: `månad(?:er|s)?${E}` },
};

function durationPattern(language: string): RegExp {
  const words = Object.keys(NUMBER_WORDS[language] ?? {}).join('|');
  const unit = UNITS[language] ?? UNITS.en;
  return new RegExp(
    `${W}(\\d+(?:[.,]\\d+)?|${words})\\s*\\+?\\s*(?:(?:-|–)\\s*\\d+\\s*)?(?:(${unit.years})|(${unit.months}))`,
    'gu',
  );
}

interface Found {
  start: number;
  end: number;
  text: string;
  level: number;
  months: number | null;
}

/** Sentence boundaries of a text: [start, end) of each sentence. */
export function sentencesOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+(?=\s|$)|[;\n]/g)) {
    const end = m.index! + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

function sentenceAt(sentences: Span[], at: number): Span {
  return sentences.find((s) => at >= s.start && at < s.end) ?? sentences[sentences.length - 1]!;
}

function cuesIn(text: string, sentence: Span, language: string, exclude: Span[]): Found[] {
  const lower = text.slice(sentence.start, sentence.end).toLowerCase();
  const found: Found[] = [];
  const add = (start: number, end: number, level: number, months: number | null) => {
    const abs = { start: sentence.start + start, end: sentence.start + end };
    if (exclude.some((x) => abs.start < x.end && x.start < abs.end)) return;
    found.push({ ...abs, text: text.slice(abs.start, abs.end), level, months });
  };
  for (const [pattern, level] of LEVEL_WORDS[language] ?? LEVEL_WORDS.en) {
    for (const m of lower.matchAll(pattern)) add(m.index!, m.index! + m[0].length, level, null);
  }
  const numbers = NUMBER_WORDS[language] ?? NUMBER_WORDS.en;
  for (const m of lower.matchAll(durationPattern(language))) {
    const amount = numbers[m[1]!] ?? Number(m[1]!.replace(',', '.'));
    if (!Number.isFinite(amount)) continue;
    const months = Math.min(LEVEL_RULES.maxMonths, Math.round(m[2] ? amount * 12 : amount));
    add(m.index!, m.index! + m[0].length, levelOfMonths(months), months);
  }
  return found;
}

/** The level a stated duration suggests. */
export function levelOfMonths(months: number): number {
  if (months < LEVEL_RULES.someBelowMonths) return 2;
  if (months < LEVEL_RULES.advancedFromMonths) return 3;
  return 4;
}

const distance = (a: Span, b: Span) => Math.max(0, a.start - b.end, b.start - a.end);

/**
 * The suggested level of a skill named at `spans` of `text`. `exclude` are the spans of every
 * skill found in the text: words of a skill's name are never cues.
 */
export function suggestLevel(
  text: string,
  spans: Span[],
  language: string,
  exclude: Span[] = spans,
): LevelSuggestion {
  // The cues are read in the text's language, and the reason is written in it too.
  const { t } = messagesIn(textLanguage(language));
  const duration = durationIn(t);
  const sentences = sentencesOf(text);
  let best: { word: Found | null; duration: Found | null } | null = null;
  let months: number | null = null;
  for (const sentence of uniqueSentences(sentences, spans)) {
    const here = spans.filter((s) => s.start >= sentence.start && s.start < sentence.end);
    const nearest = (list: Found[]) =>
      list.sort(
        (a, b) =>
          Math.min(...here.map((s) => distance(a, s))) -
            Math.min(...here.map((s) => distance(b, s))) || b.level - a.level,
      )[0] ?? null;
    const cues = cuesIn(text, sentence, language, exclude);
    const word = nearest(cues.filter((c) => c.months === null));
    const duration = nearest(cues.filter((c) => c.months !== null));
    if (duration) months = Math.max(months ?? 0, duration.months!);
    const level = (word ?? duration)?.level ?? 0;
    const bestLevel = best ? ((best.word ?? best.duration)?.level ?? 0) : -1;
    if (level > bestLevel) best = { word, duration };
  }
  const decided = best?.word ?? best?.duration ?? null;
  if (!decided)
    return {
      proficiency: LEVEL_RULES.defaultLevel,
      experienceMonths: null,
      cue: null,
      reason: t('level.default', { level: LEVEL_RULES.defaultLevel }),
    };
  const cue = decided.text;
  return {
    proficiency: decided.level,
    experienceMonths: months,
    cue,
    reason:
      decided.months !== null
        ? t('level.experience', { cue, duration: duration(decided.months), level: decided.level })
        : t('level.word', { cue, level: decided.level }),
  };
}

/** 24 months as "2 years" ("2 vuotta", "2 år"), 18 as "18 months", in the reader's language. */
function durationIn(t: ReturnType<typeof messagesIn>['t']) {
  return (months: number) =>
    months % 12 === 0 ? t('level.years', { n: months / 12 }) : t('level.months', { n: months });
}

function uniqueSentences(sentences: Span[], spans: Span[]): Span[] {
  const seen = new Set<Span>();
  for (const span of spans) seen.add(sentenceAt(sentences, span.start));
  return [...seen].sort((a, b) => a.start - b.start);
}

/** The sentences of `text` that name the skill at `spans`, each with the skill highlighted. */
export function supportingWords(text: string, spans: Span[]): SupportingWords[] {
  const sentences = sentencesOf(text);
  return uniqueSentences(sentences, spans).map((sentence) => {
    const here = spans.filter((s) => s.start >= sentence.start && s.start < sentence.end);
    const highlight = {
      start: Math.min(...here.map((s) => s.start)),
      end: Math.min(sentence.end, Math.max(...here.map((s) => s.end))),
    };
    // Trimmed of surrounding space; a long sentence is cut to a window around the skill.
    let start = sentence.start;
    let end = sentence.end;
    while (start < highlight.start && /\s/.test(text[start]!)) start++;
    while (end > highlight.end && /\s/.test(text[end - 1]!)) end--;
    if (end - start > SUPPORT_MAX_LENGTH) {
      const room = Math.max(0, SUPPORT_MAX_LENGTH - (highlight.end - highlight.start));
      start = Math.max(start, highlight.start - Math.floor(room / 2));
      end = Math.min(end, start + SUPPORT_MAX_LENGTH);
      start = Math.max(sentence.start, Math.min(start, end - SUPPORT_MAX_LENGTH));
    }
    return {
      words: text.slice(start, end),
      highlightStart: highlight.start - start,
      highlightEnd: Math.min(end, highlight.end) - start,
    };
  });
}
