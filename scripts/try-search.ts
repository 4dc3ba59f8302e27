import path from 'node:path';
import { readCsvRecords, splitLabels } from '../src/taxonomy/import/csv-records';
import { LabelIndex, LabelInput } from '../src/taxonomy/search/label-index';

const dir = process.argv[2];
const kind = process.argv[3] ?? 'skills';
const labels: LabelInput[] = [];
for (const lang of ['en', 'fi', 'sv']) {
  const file = path.join(dir, `classification-${lang}`, `${kind}_${lang}.csv`);
  let records: Record<string, string>[];
  try {
    records = readCsvRecords(file);
  } catch {
    continue;
  }
  for (const r of records) {
    for (const l of splitLabels(r.preferredLabel))
      labels.push({ conceptUri: r.conceptUri, label: l, language: lang, labelType: 'preferred' });
    for (const l of splitLabels(r.altLabels))
      labels.push({ conceptUri: r.conceptUri, label: l, language: lang, labelType: 'alternative' });
    for (const l of splitLabels(r.hiddenLabels))
      labels.push({ conceptUri: r.conceptUri, label: l, language: lang, labelType: 'hidden' });
  }
}
let t = Date.now();
const index = LabelIndex.build(labels);
console.log('built', labels.length, 'labels in', Date.now() - t, 'ms');
for (const q of process.argv.slice(4)) {
  t = Date.now();
  const hits = index.search(q, 'fi', 5);
  console.log(`\n${q} (${Date.now() - t} ms)`);
  for (const h of hits)
    console.log(`  ${h.score.toFixed(3)} ${h.label} [${h.language}/${h.labelType}]`);
}
