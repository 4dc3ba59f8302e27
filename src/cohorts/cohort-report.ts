/**
 * The one-page report of a cohort's analysis for the structural-change working group: a whole
 * HTML document with print styles (A4; a PDF is the browser's print of it) and inline SVG
 * charts, written from the analysis as the reader gets it (cohort-views.ts), so it never holds
 * more than the reader's role may see. Names are in the reader's language: ESCO's labels,
 * municipalities' Finnish or Swedish names.
 */
import { HIDDEN_BELOW } from '../disclosure/disclosure-control';
import { Queryable } from '../matches/profile-loader';
import { messagesIn, textLanguage } from '../kernel/messages/messages';
import { preferredLabels } from '../taxonomy/preferred-labels';
import { CohortAnalysisType, CohortDestinationType } from './cohorts.types';

/** Rows of each chart and table: a page, not a list. */
const ROWS = 8;

export async function cohortReport(
  db: Queryable,
  analysis: CohortAnalysisType,
  language: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<string> {
  const { t, list } = messagesIn(textLanguage(language));
  const uris = [
    ...analysis.skills.map((s) => s.skillUri),
    ...analysis.byOccupation.map((d) => d.key),
    ...analysis.nearlyCovered.flatMap((c) => [
      c.occupationUri,
      ...c.missing.map((m) => m.skillUri),
    ]),
    ...(analysis.unmatched ?? []).flatMap((u) => u.nearest.flatMap((n) => n.missingSkillUris)),
  ];
  const [labels, places] = await Promise.all([
    preferredLabels(db, uris, language),
    municipalityNames(db, language),
  ]);
  const label = (uri: string) => labels.get(uri) ?? uri;
  const place = (code: string | null) => (code ? (places.get(code) ?? code) : '');
  const count = (n: number | null) => (n === null ? t('cohort.report.hidden') : String(n));
  const full = analysis.cohort.access === 'full';
  const { withMatch, withoutMatch } = analysis;
  const members = analysis.cohort.members;

  const lead =
    members !== null && withMatch !== null && withoutMatch !== null
      ? t('cohort.report.lead', { members, withMatch, withoutMatch, floor: analysis.floor })
      : '';
  const a = analysis.assignment;
  const assignment =
    a.assigned !== null &&
    a.totalFit !== null &&
    a.greedyAssigned !== null &&
    a.greedyTotalFit !== null
      ? t('cohort.report.assignment', {
          assigned: a.assigned,
          total: a.totalFit,
          greedy: a.greedyAssigned,
          greedyTotal: a.greedyTotalFit,
        })
      : t('cohort.report.assignmentHidden');

  const destinationChart = (rows: CohortDestinationType[], name: (key: string) => string) =>
    barChart(
      rows.slice(0, ROWS).map((d) => ({
        label: name(d.key),
        bars: [d.positions, d.members, d.placed],
      })),
      [t('cohort.report.positions'), t('cohort.report.couldGo'), t('cohort.report.placed')],
    );

  const vacancyRows = analysis.vacancies
    .slice(0, ROWS)
    .map(
      (v) =>
        `<tr><td>${esc(v.title)}${v.employerName ? ` <span class="muted">${esc(v.employerName)}</span>` : ''}</td><td>${esc(place(v.municipalityCode))}</td><td class="n">${v.positions}</td><td class="n">${count(v.members)}</td><td class="n">${count(v.absorbable)}</td></tr>`,
    )
    .join('');
  const trainingRows = analysis.trainings
    .map(
      (tr) =>
        `<tr><td>${esc(tr.title)} <span class="muted">${esc(tr.provider)}</span></td><td class="n">${count(tr.lifted)}</td><td class="n">${count(tr.withMatchAfter)}</td></tr>`,
    )
    .join('');
  const skillRows = analysis.skills
    .slice(0, ROWS)
    .map(
      (s) =>
        `<tr><td>${esc(label(s.skillUri))}</td><td class="n">${count(s.holders)}</td><td>${levels(s.byLevel)}</td></tr>`,
    )
    .join('');
  const coverage = analysis.nearlyCovered
    .slice(0, 5)
    .map(
      (c) =>
        `<li><strong>${esc(label(c.occupationUri))}</strong> (${c.positions} ${esc(t('cohort.report.positions'))}): ${esc(
          t('cohort.report.coverage', {
            percent: Math.round(c.coverage * 100),
            skills: c.missing.length
              ? list(c.missing.slice(0, 4).map((m) => label(m.skillUri)))
              : '–',
          }),
        )}</li>`,
    )
    .join('');
  const unmatched = (analysis.unmatched ?? [])
    .map((u) => {
      const [n] = u.nearest;
      const text = n
        ? t('cohort.report.unmatchedNearest', {
            vacancy: n.title,
            score: n.score,
            skills: n.missingSkillUris.length
              ? list(n.missingSkillUris.slice(0, 3).map(label))
              : (n.nearMiss ?? t('cohort.report.nothingLacking')),
          })
        : t('cohort.report.none');
      return `<li><code>${esc(u.jobseekerId.slice(0, 8))}</code> ${esc(text)}</li>`;
    })
    .join('');

  return `<!doctype html>
<html lang="${esc(textLanguage(language))}"><head><meta charset="utf-8">
<title>${esc(t('cohort.report.title', { name: analysis.cohort.name }))}</title>
<style>${STYLE}</style></head><body>
<header><h1>${esc(t('cohort.report.title', { name: analysis.cohort.name }))}</h1>
<p class="lead">${esc(lead)}</p>
${full ? `<p class="notice">${esc(t('cohort.report.personalData'))}</p>` : `<p class="muted">${esc(t('cohort.report.leadHidden', { hidden: HIDDEN_BELOW }))}</p>`}
</header>
<section class="two"><div><h2>${esc(t('cohort.report.byMunicipality'))}</h2>${destinationChart(analysis.byMunicipality, (k) => place(k))}</div>
<div><h2>${esc(t('cohort.report.byOccupation'))}</h2>${destinationChart(analysis.byOccupation, label)}</div></section>
<section><h2>${esc(t('cohort.report.vacanciesTitle'))}</h2>
<table><thead><tr><th>${esc(t('cohort.report.vacancy'))}</th><th>${esc(t('cohort.report.municipality'))}</th><th class="n">${esc(t('cohort.report.positions'))}</th><th class="n">${esc(t('cohort.report.members'))}</th><th class="n">${esc(t('cohort.report.absorbable'))}</th></tr></thead><tbody>${vacancyRows || `<tr><td colspan="5">${esc(t('cohort.report.none'))}</td></tr>`}</tbody></table></section>
<section class="two"><div><h2>${esc(t('cohort.report.assignmentTitle'))}</h2><p>${esc(assignment)}</p>
<h2>${esc(t('cohort.report.trainingsTitle'))}</h2>${
    trainingRows
      ? `<table><thead><tr><th>${esc(t('cohort.report.training'))}</th><th class="n">${esc(t('cohort.report.lifted'))}</th><th class="n">${esc(t('cohort.report.withMatchAfter'))}</th></tr></thead><tbody>${trainingRows}</tbody></table>`
      : `<p>${esc(t('cohort.report.noTrainings'))}</p>`
  }</div>
<div><h2>${esc(t('cohort.report.skillsTitle'))}</h2><table><thead><tr><th></th><th class="n">${esc(t('cohort.report.holders'))}</th><th>1–5</th></tr></thead><tbody>${skillRows}</tbody></table>
<h2>${esc(t('cohort.report.coverageTitle'))}</h2>${coverage ? `<ul>${coverage}</ul>` : `<p>${esc(t('cohort.report.none'))}</p>`}</div></section>
${full ? `<section><h2>${esc(t('cohort.report.unmatchedTitle'))}</h2>${unmatched ? `<ul class="cols">${unmatched}</ul>` : `<p>${esc(t('cohort.report.none'))}</p>`}</section>` : ''}
<footer class="muted">${esc(t('cohort.report.computed', { paramsVersion: analysis.paramsVersion, matchChangeId: analysis.matchChangeId, date: today }))}</footer>
</body></html>`;
}

/** Municipality names in the language (Swedish where asked, else Finnish), by code. */
async function municipalityNames(db: Queryable, language: string): Promise<Map<string, string>> {
  const rows: { code: string; name: string }[] = await db.query(
    `SELECT code, CASE WHEN $1 = 'sv' THEN name_sv ELSE name_fi END AS name FROM municipality`,
    [language],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

const COLOURS = ['#c9d6e3', '#2f6f9f', '#e07b39'];

/**
 * Horizontal grouped bars, one group per row, in inline SVG (prints without scripts). A hidden
 * count (null) gets no bar and a dash: 0 means none.
 */
function barChart(rows: { label: string; bars: (number | null)[] }[], legend: string[]): string {
  if (!rows.length) return '';
  const max = Math.max(1, ...rows.flatMap((r) => r.bars.map((n) => n ?? 0)));
  const rowHeight = 6 * rows[0]!.bars.length + 8;
  const width = 320;
  const labelWidth = 120;
  const scale = (n: number) => ((width - labelWidth - 30) * n) / max;
  const body = rows
    .map((row, i) => {
      const y = i * rowHeight;
      const bars = row.bars
        .map((n, j) =>
          n === null
            ? `<text x="${labelWidth + 3}" y="${y + j * 6 + 5}" class="v">–</text>`
            : `<rect x="${labelWidth}" y="${y + j * 6}" width="${scale(n).toFixed(1)}" height="5" fill="${COLOURS[j]}"/><text x="${(labelWidth + scale(n) + 3).toFixed(1)}" y="${y + j * 6 + 5}" class="v">${n}</text>`,
        )
        .join('');
      return `<text x="0" y="${y + 9}" class="l">${esc(clip(row.label, 24))}</text>${bars}`;
    })
    .join('');
  const height = rows.length * rowHeight;
  const key = legend
    .map((text, j) => `<span><i style="background:${COLOURS[j]}"></i>${esc(text)}</span>`)
    .join(' ');
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img">${body}</svg><p class="key">${key}</p>`;
}

/** Holders by level as a small inline bar of five cells. */
function levels(byLevel: (number | null)[]): string {
  return byLevel.map((n) => `<span class="lv">${n ?? '·'}</span>`).join('');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
@page { size: A4; margin: 12mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #1b2733; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 11pt; margin: 10pt 0 4pt; }
.lead { font-size: 11pt; margin: 0 0 4pt; } .muted { color: #5b6b7a; } .notice { color: #8a3b12; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 1pt 4pt; border-bottom: 0.5pt solid #d8dee4; vertical-align: top; }
.n { text-align: right; } td:last-child:has(.lv) { white-space: nowrap; } .lv { display: inline-block; min-width: 14pt; text-align: center; background: #eef2f6; margin-right: 1pt; }
svg text { font-size: 7px; fill: #1b2733; } svg .v { fill: #5b6b7a; }
.key { font-size: 8pt; margin: 0; } .key i { display: inline-block; width: 8pt; height: 8pt; margin: 0 3pt 0 6pt; vertical-align: -1pt; }
ul { margin: 0; padding-left: 14pt; } .cols { columns: 2; font-size: 9pt; }
footer { margin-top: 10pt; font-size: 8pt; }
@media print { body { max-width: none; } section { break-inside: avoid; } }
`;
