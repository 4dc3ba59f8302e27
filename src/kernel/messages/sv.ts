import type { MessageKey } from './en';

/** Swedish texts: every count is a `plural` with its own `one` and `other` sentence. */
export const SV: Record<MessageKey, string> = {
  'match.fit': 'Matchning {percent} %.',
  // Match summaries (explainMatch, match lists: summary).
  'match.skillsMet':
    '{required, plural, one {Uppfyller {met} av # krävd kompetens} other {Uppfyller {met} av # krävda kompetenser}}.',
  'match.skillsMetRelated':
    '{required, plural, one {Uppfyller {met} av # krävd kompetens} other {Uppfyller {met} av # krävda kompetenser}} ({related} genom närliggande kompetens).',
  'match.noSkills': 'Platsen listar inga krävda kompetenser.',
  'match.essentialMissing':
    '{n, plural, one {# väsentlig kompetens saknas} other {# väsentliga kompetenser saknas}}: {skills}.',
  'match.otherMissing':
    '{n, plural, one {# krävd kompetens saknas} other {# krävda kompetenser saknas}}: {skills}.',
  'match.skillsMetNamed': 'Uppfyllda kompetenskrav: {skills}.',
  'match.moreSkills': '{n, plural, one {# till} other {# till}}',
  'match.fails.location': 'Arbetet utförs på plats och ligger utom räckhåll för den arbetssökande.',
  'match.fails.language': 'Kunskaperna i det krävda språket räcker inte: {language}.',
  'match.fails.licence': 'Det krävda tillståndet eller kortet saknas: {licence}.',
  'match.fails.other': 'Uppfyller inte ett ovillkorligt krav: {code}.',
  'match.unknown.jobseekerSkills': 'Den arbetssökande har ingen kompetensprofil.',
  'match.unknown.education': 'Den arbetssökandes utbildningsnivå är okänd.',
  'match.unknown.experience': 'Den arbetssökandes arbetslivserfarenhet är okänd.',
  'match.unknown.location': 'Den arbetssökandes eller platsens ort är okänd.',
  // Requirement insights and revision comparisons (requirementInsights, compareRequirementRevisions).
  'insights.pool':
    '{pool, plural, one {# arbetssökande har} other {# arbetssökande har}} en matchning på minst {threshold, number} och uppfyller de ovillkorliga kraven.',
  'insights.poolHidden':
    'Färre än {hidden} arbetssökande har en matchning på minst {threshold, number} och uppfyller de ovillkorliga kraven (antalet visas inte av integritetsskäl).',
  'insights.effectsHidden':
    'Hur många varje krav utesluter visas inte där färre än {hidden} skulle räknas.',
  'insights.noneExcludes': 'Inget enskilt krav utesluter sökande.',
  'insights.mostExcludes':
    '”{label}” utesluter flest: utan det skulle det finnas {more, number} fler.',
  'insights.mostExcludesFew': '”{label}” utesluter flest: utan det skulle det finnas några fler.',
  'compare.poolsHidden':
    'Sökande med en matchning på minst {threshold, number} bland dagens arbetssökande: färre än {hidden} i en av versionerna, så antalen visas inte.',
  'compare.pools':
    'Bland dagens arbetssökande har version {from} {fromCount, plural, one {# sökande} other {# sökande}} med en matchning på minst {threshold, number} och version {to} har {toCount, number}.',
  'change.skillAdded': 'Ny kompetens ”{label}” ({importance}, nivå {level}).',
  'change.skillImportance': 'Kompetens ”{label}”: vikt {from} → {to}.',
  'change.skillLevel': 'Kompetens ”{label}”: nivå {from} → {to}.',
  'change.skillRemoved': 'Borttagen kompetens ”{label}”.',
  'change.languageAdded':
    'Nytt språk {language} {level}{essential, select, yes { (väsentligt)} other {}}.',
  'change.language':
    'Språk {language}: {from}{fromEssential, select, yes { väsentligt} other {}} → {to}{toEssential, select, yes { väsentligt} other {}}.',
  'change.languageRemoved': 'Borttaget språk {language}.',
  'change.licenceAdded': 'Nytt tillstånd eller kort {licence}.',
  'change.licenceRemoved': 'Borttaget tillstånd eller kort {licence}.',
  'change.education': 'Lägsta utbildningsnivå {from} → {to}.',
  'change.experience': 'Minsta erfarenhet i månader {from} → {to}.',
  'change.none': 'inget krav',
  'importance.essential': 'väsentlig',
  'importance.important': 'viktig',
  'importance.nice_to_have': 'meriterande',
  // Requirement suggestions and skills found in a text (suggestRequirements, extractSkills, linkSkills, levels).
  'suggest.essentialForOccupation': 'ESCO anger den som väsentlig för yrket.',
  'suggest.optionalForOccupation': 'ESCO anger den som valfri för yrket.',
  'suggest.alsoInText': 'Annonstexten efterfrågar den också: {words}.',
  'suggest.alsoInTextNoWords': 'Annonstexten talar också om den.',
  'extract.textSays': 'Texten säger {words}, vilket motsvarar ”{label}”.',
  'extract.textSaysNextTo':
    'Texten säger {words}, vilket motsvarar ”{label}”, bredvid den närliggande kompetensen ”{related}”.',
  'extract.sentenceMeets':
    'Meningens ord motsvarar det ESCO säger om ”{label}” (benämningar, beskrivning och yrken).',
  'level.default': 'Texten säger inte hur väl: arbetsnivån {level} (standard).',
  'level.word': 'Texten säger ”{cue}” (ett nivåord): nivå {level}.',
  'level.experience': 'Texten säger ”{cue}” (en angiven erfarenhet på {duration}): nivå {level}.',
  'level.years': '{n, plural, one {# år} other {# år}}',
  'level.months': '{n, plural, one {# månad} other {# månader}}',
  // Skill gaps (skillGap).
  'gap.meets': 'Uppfyller {met} av {required} kompetenskrav för ”{target}”.',
  'gap.meetsRelated':
    'Uppfyller {met} av {required} kompetenskrav för ”{target}” ({related} genom närliggande kompetens).',
  'gap.counts':
    '{missing, plural, one {# kompetens saknas} other {# kompetenser saknas}}, {under, plural, one {# ligger under den begärda nivån} other {# ligger under den begärda nivån}}.',
  'gap.closeToHeld':
    'Några saknade kompetenser ligger nära sådana som den sökande redan har (se närliggande).',
  // Profile transfer pages (where Job Market Finland sends the person back).
  'transfer.completed.title': 'Profilen har hämtats',
  'transfer.completed.body':
    'Din profil i Jobbmarknaden har hämtats till Osaamo som ett utkast. Den påverkar ingenting förrän du eller din handledare bekräftar den. Du kan stänga fönstret.',
  'transfer.completedNoDraft.title': 'Profilen har lästs',
  'transfer.completedNoDraft.body':
    'Din profil i Jobbmarknaden innehöll ingen kompetens som Osaamo känner igen, så inget utkast gjordes. Din handledare ser vad profilen innehöll. Du kan stänga fönstret.',
  'transfer.exported.title': 'Profilen har skickats',
  'transfer.exported.body':
    'Din bekräftade kompetens har skickats till din profil i Jobbmarknaden. Du kan stänga fönstret.',
  'transfer.refused.title': 'Inget tillstånd gavs',
  'transfer.refused.body':
    'Du gav inget tillstånd, så ingenting överfördes. Du kan stänga fönstret.',
  'transfer.failed.title': 'Överföringen misslyckades',
  'transfer.failed.body':
    'Jobbmarknaden svarade inte som väntat och ingenting sparades. Överföringen måste startas på nytt i Osaamo.',
  'transfer.expired.title': 'Begäran har gått ut',
  'transfer.expired.body':
    'Tillståndet ska ges inom 10 minuter. Överföringen måste startas på nytt i Osaamo.',
  'transfer.used.title': 'Begäran har redan använts',
  'transfer.used.body':
    'Det här tillståndet har redan behandlats. En ny överföring startas i Osaamo.',
  'transfer.unknown.title': 'Okänd begäran',
  'transfer.unknown.body':
    'Osaamo känner inte till den här begäran. Överföringen startas i Osaamo.',
  // Training suggestions (issue 15, i15-links): why a course helps.
  'training.reasonHeading':
    '{n, plural, one {Ger det som saknas ({skills}) för # ledigt jobb du nästan passar för som {occupation}.} other {Ger det som saknas ({skills}) för # lediga jobb du nästan passar för som {occupation}.}}',
  'training.reason':
    '{n, plural, one {Ger det som saknas ({skills}) för # ledigt jobb du nästan passar för.} other {Ger det som saknas ({skills}) för # lediga jobb du nästan passar för.}}',
  'training.withinReach':
    '{n, plural, one {Höjer matchningen till minst {threshold, number} för # ledigt jobb.} other {Höjer matchningen till minst {threshold, number} för # lediga jobb.}}',
  'training.relatedSkills': 'kompetenser nära de efterfrågade',
  // Rapport om strukturomvandling (issue 18).
  'cohort.report.title': 'Strukturomvandling: {name}',
  'cohort.report.lead':
    '{members, plural, one {# person} other {# personer}}. {withMatch, plural, one {# passar} other {# passar}} för minst en ledig plats med en matchning på {floor, number} eller mer; {withoutMatch, plural, one {# passar} other {# passar}} inte för någon.',
  'cohort.report.leadHidden':
    'Antal under {hidden} personer visas inte för din roll; de övriga är störda.',
  'cohort.report.computed':
    'Beräknad med matchningsparametrarna {paramsVersion} vid ändring {matchChangeId}, {date}.',
  'cohort.report.whereTitle': 'Vart gruppen kan gå',
  'cohort.report.byMunicipality': 'Per kommun',
  'cohort.report.byOccupation': 'Per yrke',
  'cohort.report.placed': 'placerade i förslaget',
  'cohort.report.couldGo': 'kunde gå',
  'cohort.report.positions': 'platser',
  'cohort.report.vacanciesTitle': 'Lediga platser som kunde ta flest',
  'cohort.report.vacancy': 'Ledig plats',
  'cohort.report.municipality': 'Kommun',
  'cohort.report.members': 'Passar',
  'cohort.report.absorbable': 'Kunde ta',
  'cohort.report.assignmentTitle': 'Förslag om personer till platser',
  'cohort.report.assignment':
    'Förslaget placerar {assigned, plural, one {# person} other {# personer}} med en sammanlagd matchning på {total, number}; att ta det bästa paret först skulle placera {greedy, plural, one {#} other {#}} med {greedyTotal, number}.',
  'cohort.report.assignmentHidden':
    'Förslagets par och summor visas endast för sysselsättningsområdets handläggare.',
  'cohort.report.trainingsTitle': 'Utbildningar som skulle hjälpa flest',
  'cohort.report.training': 'Utbildning',
  'cohort.report.lifted': 'Lyfts över gränsen',
  'cohort.report.withMatchAfter': 'Med en matchning efter',
  'cohort.report.noTrainings': 'Ingen utbildning skulle lyfta någon över gränsen.',
  'cohort.report.skillsTitle': 'Vad gruppen kan',
  'cohort.report.holders': 'Kan',
  'cohort.report.coverageTitle': 'Efterfrågade yrken som gruppen nästan täcker',
  'cohort.report.coverage': '{percent} % av de nödvändiga färdigheterna; saknas: {skills}',
  'cohort.report.unmatchedTitle': 'Personer utan matchning',
  'cohort.report.unmatchedNearest': 'Närmast: {vacancy} ({score, number}); saknar {skills}',
  'cohort.report.nothingLacking': 'inget namngivet',
  'cohort.report.none': 'Inga.',
  'cohort.report.hidden': 'dold',
  'cohort.report.personalData':
    'Innehåller personuppgifter: endast för sysselsättningsområdets handläggare.',
};
