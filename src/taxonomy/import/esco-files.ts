import fs from 'node:fs';
import path from 'node:path';
import { badInput } from '../../kernel/errors/domain-error';

/** Where the files of one ESCO CSV download are. */
export interface EscoFiles {
  /** `v1.1.x` names relation files without a language suffix; `v1.2.x` with one. */
  layout: 'v1.1.x' | 'v1.2.x';
  languages: string[];
  classification: Record<
    string,
    { skills?: string; occupations?: string; iscoGroups?: string; skillGroups?: string }
  >;
  relations: {
    occupationSkill?: string;
    skillSkill?: string;
    broaderSkill?: string;
    broaderOccupation?: string;
  };
}

const CLASSIFICATION = {
  skills: 'skills',
  occupations: 'occupations',
  iscoGroups: 'ISCOGroups',
  skillGroups: 'skillGroups',
} as const;
const RELATIONS = {
  occupationSkill: 'occupationSkillRelations',
  skillSkill: 'skillSkillRelations',
  broaderSkill: 'broaderRelationsSkillPillar',
  broaderOccupation: 'broaderRelationsOccPillar',
} as const;

/** Every CSV file up to three folders deep, by file name (the download nests one or two levels). */
function listCsvFiles(
  dir: string,
  depth = 0,
  found = new Map<string, string>(),
): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < 3) listCsvFiles(full, depth + 1, found);
    else if (entry.isFile() && entry.name.endsWith('.csv') && !found.has(entry.name)) {
      found.set(entry.name, full);
    }
  }
  return found;
}

/** Finds the files of an ESCO download in either layout; `languages` restricts the labels read. */
export function locateEscoFiles(dir: string, languages?: string[]): EscoFiles {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw badInput('dir', `${dir} is not a folder`);
  }
  const files = listCsvFiles(dir);
  const available = [...files.keys()]
    .map((name) => /^skills_([a-z]{2,3})\.csv$/.exec(name)?.[1])
    .filter((lang): lang is string => Boolean(lang))
    .sort();
  if (available.length === 0) {
    throw badInput('dir', `no skills_<language>.csv in ${dir}: not an ESCO CSV download`);
  }
  const wanted = languages && languages.length > 0 ? languages : available;
  const missing = wanted.filter((lang) => !available.includes(lang));
  if (missing.length) {
    throw badInput(
      'languages',
      `${missing.join(', ')} not in the download (it has ${available.join(', ')})`,
    );
  }
  const classification: EscoFiles['classification'] = {};
  for (const lang of wanted) {
    classification[lang] = {};
    for (const [key, base] of Object.entries(CLASSIFICATION)) {
      const file = files.get(`${base}_${lang}.csv`);
      if (file) classification[lang][key as keyof typeof CLASSIFICATION] = file;
    }
  }
  const relations: EscoFiles['relations'] = {};
  let suffixed = false;
  for (const [key, base] of Object.entries(RELATIONS)) {
    let file = files.get(`${base}.csv`);
    if (!file) {
      // v1.2.x: the same relations, with label columns, once per language; any one will do.
      const lang = [...wanted, ...available].find((l) => files.has(`${base}_${l}.csv`));
      if (lang) {
        file = files.get(`${base}_${lang}.csv`);
        suffixed = true;
      }
    }
    if (file) relations[key as keyof typeof RELATIONS] = file;
  }
  return { layout: suffixed ? 'v1.2.x' : 'v1.1.x', languages: wanted, classification, relations };
}
