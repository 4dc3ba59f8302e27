import type { MessageKey } from './en';

/**
 * Finnish texts. After a numeral above one Finnish takes the partitive: "3 olennaista osaamista
 * puuttuu", so every count is a `plural` with its own `one` and `other` sentence.
 */
export const FI: Record<MessageKey, string> = {
  'match.fit': 'Sopivuus {percent} %.',
  // Match summaries (explainMatch, match lists: summary).
  'match.skillsMet': 'Täyttää {met}/{required} osaamisvaatimuksesta.',
  'match.skillsMetRelated':
    'Täyttää {met}/{required} osaamisvaatimuksesta (niistä {related} läheisen osaamisen kautta).',
  'match.noSkills': 'Työpaikka ei luettele vaadittuja osaamisia.',
  'match.essentialMissing':
    '{n, plural, one {# olennainen osaaminen puuttuu} other {# olennaista osaamista puuttuu}}: {skills}.',
  'match.otherMissing':
    '{n, plural, one {# vaadittu osaaminen puuttuu} other {# vaadittua osaamista puuttuu}}: {skills}.',
  'match.skillsMetNamed': 'Täyttyvät osaamisvaatimukset: {skills}.',
  'match.moreSkills': '{n, plural, one {# muu} other {# muuta}}',
  'match.fails.location': 'Työ tehdään paikan päällä eikä työpaikka ole hakijan ulottuvilla.',
  'match.fails.language': 'Ei osaa vaadittua kieltä riittävästi: {language}.',
  'match.fails.licence': 'Vaadittu lupa tai kortti puuttuu: {licence}.',
  'match.fails.other': 'Ei täytä ehdotonta vaatimusta: {code}.',
  'match.unknown.jobseekerSkills': 'Hakijalla ei ole osaamisprofiilia.',
  'match.unknown.education': 'Hakijan koulutustaso ei ole tiedossa.',
  'match.unknown.experience': 'Hakijan työkokemus ei ole tiedossa.',
  'match.unknown.location': 'Hakijan tai työpaikan sijainti ei ole tiedossa.',
  // Requirement insights and revision comparisons (requirementInsights, compareRequirementRevisions).
  'insights.pool':
    '{pool, plural, one {# työnhakija, jonka sopivuus on vähintään {threshold, number}, täyttää} other {# työnhakijaa, joiden sopivuus on vähintään {threshold, number}, täyttää}} ehdottomat vaatimukset.',
  'insights.poolHidden':
    'Alle {hidden} työnhakijaa, joiden sopivuus on vähintään {threshold, number}, täyttää ehdottomat vaatimukset (määrää ei näytetä yksityisyyden suojaamiseksi).',
  'insights.effectsHidden':
    'Kunkin vaatimuksen pois rajaamien määrää ei näytetä, jos heitä olisi alle {hidden}.',
  'insights.noneExcludes': 'Mikään yksittäinen vaatimus ei rajaa hakijoita pois.',
  'insights.mostExcludes':
    '”{label}” rajaa eniten pois: ilman sitä hakijoita olisi {more, number} enemmän.',
  'insights.mostExcludesFew':
    '”{label}” rajaa eniten pois: ilman sitä hakijoita olisi muutama enemmän.',
  'compare.poolsHidden':
    'Nykyisistä työnhakijoista vähintään sopivuuteen {threshold, number} yltäviä on jossakin versiossa alle {hidden}, joten määriä ei näytetä.',
  'compare.pools':
    'Nykyisistä työnhakijoista sopivuus on vähintään {threshold, number} versiossa {from} {fromCount, plural, one {# hakijalla} other {# hakijalla}} ja versiossa {to} {toCount, number} hakijalla.',
  'change.skillAdded': 'Lisätty osaaminen ”{label}” ({importance}, taso {level}).',
  'change.skillImportance': 'Osaaminen ”{label}”: tärkeys {from} → {to}.',
  'change.skillLevel': 'Osaaminen ”{label}”: taso {from} → {to}.',
  'change.skillRemoved': 'Poistettu osaaminen ”{label}”.',
  'change.languageAdded':
    'Lisätty kieli {language} {level}{essential, select, yes { (olennainen)} other {}}.',
  'change.language':
    'Kieli {language}: {from}{fromEssential, select, yes { olennainen} other {}} → {to}{toEssential, select, yes { olennainen} other {}}.',
  'change.languageRemoved': 'Poistettu kieli {language}.',
  'change.licenceAdded': 'Lisätty lupa tai kortti {licence}.',
  'change.licenceRemoved': 'Poistettu lupa tai kortti {licence}.',
  'change.education': 'Vähimmäiskoulutustaso {from} → {to}.',
  'change.experience': 'Vähimmäiskokemus kuukausina {from} → {to}.',
  'change.none': 'ei vaatimusta',
  'importance.essential': 'olennainen',
  'importance.important': 'tärkeä',
  'importance.nice_to_have': 'eduksi',
  // Requirement suggestions and skills found in a text (suggestRequirements, extractSkills, linkSkills, levels).
  'suggest.essentialForOccupation': 'ESCOn mukaan osaaminen on ammatissa olennainen.',
  'suggest.optionalForOccupation': 'ESCOn mukaan osaaminen on ammatissa valinnainen.',
  'suggest.alsoInText': 'Myös ilmoitusteksti mainitsee sen: {words}.',
  'suggest.alsoInTextNoWords': 'Myös ilmoitusteksti viittaa siihen.',
  'extract.textSays': 'Tekstissä lukee {words}, mikä vastaa osaamista ”{label}”.',
  'extract.textSaysNextTo':
    'Tekstissä lukee {words}, mikä vastaa osaamista ”{label}”, läheisen osaamisen ”{related}” rinnalla.',
  'extract.sentenceMeets':
    'Virkkeen sanat vastaavat sitä, mitä ESCO kertoo osaamisesta ”{label}” (nimet, kuvaus ja ammatit).',
  'level.default': 'Teksti ei kerro, kuinka hyvin: oletuksena työskentelytaso {level}.',
  'level.word': 'Tekstissä lukee ”{cue}” (tasoa kuvaava sana): taso {level}.',
  'level.experience': 'Tekstissä lukee ”{cue}” (ilmoitettu kokemus {duration}): taso {level}.',
  'level.years': '{n, plural, one {# vuosi} other {# vuotta}}',
  'level.months': '{n, plural, one {# kuukausi} other {# kuukautta}}',
  // Skill gaps (skillGap).
  'gap.meets': 'Täyttää {met}/{required} kohteen ”{target}” osaamisvaatimuksesta.',
  'gap.meetsRelated':
    'Täyttää {met}/{required} kohteen ”{target}” osaamisvaatimuksesta (niistä {related} läheisen osaamisen kautta).',
  'gap.counts':
    '{missing, plural, one {# osaaminen puuttuu} other {# osaamista puuttuu}}, {under, plural, one {# on alle vaaditun tason} other {# on alle vaaditun tason}}.',
  'gap.closeToHeld':
    'Osa puuttuvista osaamisista on lähellä jo hallittuja (katso läheiset osaamiset).',
  // Profile transfer pages (where Job Market Finland sends the person back).
  'transfer.completed.title': 'Profiili tuotiin',
  'transfer.completed.body':
    'Työmarkkinatorin profiilisi on tuotu Osaamoon luonnokseksi. Se ei vaikuta mihinkään ennen kuin sinä tai ohjaajasi vahvistaa sen. Voit sulkea tämän ikkunan.',
  'transfer.completedNoDraft.title': 'Profiili luettiin',
  'transfer.completedNoDraft.body':
    'Työmarkkinatorin profiilissasi ei ollut osaamisia, jotka Osaamo tunnistaa, joten luonnosta ei tehty. Ohjaajasi näkee, mitä profiilissa oli. Voit sulkea tämän ikkunan.',
  'transfer.exported.title': 'Profiili vietiin',
  'transfer.exported.body':
    'Vahvistettu osaamisesi on viety Työmarkkinatorin profiiliisi. Voit sulkea tämän ikkunan.',
  'transfer.refused.title': 'Lupaa ei annettu',
  'transfer.refused.body':
    'Et antanut lupaa, joten mitään ei siirretty. Voit sulkea tämän ikkunan.',
  'transfer.failed.title': 'Siirto ei onnistunut',
  'transfer.failed.body':
    'Työmarkkinatori ei vastannut odotetusti, eikä mitään tallennettu. Siirto pitää aloittaa uudelleen Osaamosta.',
  'transfer.expired.title': 'Pyyntö vanhentui',
  'transfer.expired.body':
    'Lupa pitää antaa 10 minuutin kuluessa. Siirto pitää aloittaa uudelleen Osaamosta.',
  'transfer.used.title': 'Pyyntö on jo käytetty',
  'transfer.used.body': 'Tämä lupa on jo käsitelty. Uusi siirto pitää aloittaa Osaamosta.',
  'transfer.unknown.title': 'Tuntematon pyyntö',
  'transfer.unknown.body': 'Osaamo ei tunne tätä pyyntöä. Siirto pitää aloittaa Osaamosta.',
  // Training suggestions (issue 15, i15-links): why a course helps.
  'training.reasonHeading':
    '{n, plural, one {Kattaa puuttuvan osaamisen ({skills}) # työpaikassa, johon lähes sovellut tavoiteammatissasi ({occupation}).} other {Kattaa puuttuvan osaamisen ({skills}) # työpaikassa, joihin lähes sovellut tavoiteammatissasi ({occupation}).}}',
  'training.reason':
    '{n, plural, one {Kattaa puuttuvan osaamisen ({skills}) # työpaikassa, johon lähes sovellut.} other {Kattaa puuttuvan osaamisen ({skills}) # työpaikassa, joihin lähes sovellut.}}',
  'training.withinReach':
    '{n, plural, one {Nostaa # työpaikan sopivuuden vähintään arvoon {threshold, number}.} other {Nostaa # työpaikan sopivuuden vähintään arvoon {threshold, number}.}}',
  'training.relatedSkills': 'pyydettyä lähellä olevan osaamisen',
  // Rakennemuutosraportti (issue 18).
  'cohort.report.title': 'Rakennemuutos: {name}',
  'cohort.report.lead':
    '{members, plural, one {# henkilö} other {# henkilöä}}. {withMatch, plural, one {# sopii} other {# sopii}} vähintään yhteen avoimeen työpaikkaan sopivuudella {floor, number} tai enemmän; {withoutMatch, plural, one {# ei sovi} other {# ei sovi}} yhteenkään.',
  'cohort.report.leadHidden':
    'Alle {hidden} henkilön lukumääriä ei näytetä roolillesi; muut on häivytetty.',
  'cohort.report.computed':
    'Laskettu täsmäytysparametreilla {paramsVersion} muutoskohdassa {matchChangeId}, {date}.',
  'cohort.report.whereTitle': 'Minne ryhmä voi työllistyä',
  'cohort.report.byMunicipality': 'Kunnittain',
  'cohort.report.byOccupation': 'Ammateittain',
  'cohort.report.placed': 'ehdotuksessa sijoitettu',
  'cohort.report.couldGo': 'voisi työllistyä',
  'cohort.report.positions': 'paikkaa',
  'cohort.report.vacanciesTitle': 'Työpaikat, jotka voisivat työllistää eniten',
  'cohort.report.vacancy': 'Työpaikka',
  'cohort.report.municipality': 'Kunta',
  'cohort.report.members': 'Sopivia',
  'cohort.report.absorbable': 'Voisi työllistää',
  'cohort.report.assignmentTitle': 'Ehdotus henkilöiden sijoittamisesta paikkoihin',
  'cohort.report.assignment':
    'Ehdotus sijoittaa {assigned, plural, one {# henkilön} other {# henkilöä}} yhteissopivuudella {total, number}; parhaan parin valinta ensin sijoittaisi {greedy, plural, one {#} other {#}} yhteissopivuudella {greedyTotal, number}.',
  'cohort.report.assignmentHidden':
    'Ehdotuksen parit ja summat näytetään vain työllisyysalueen asiantuntijoille.',
  'cohort.report.trainingsTitle': 'Koulutukset, jotka auttaisivat eniten',
  'cohort.report.training': 'Koulutus',
  'cohort.report.lifted': 'Nousee sopivuusrajan yli',
  'cohort.report.withMatchAfter': 'Sopivia sen jälkeen',
  'cohort.report.noTrainings': 'Mikään koulutus ei nostaisi ketään sopivuusrajan yli.',
  'cohort.report.skillsTitle': 'Ryhmän osaaminen',
  'cohort.report.holders': 'Osaajia',
  'cohort.report.coverageTitle': 'Kysytyt ammatit, joiden osaamisen ryhmä lähes kattaa',
  'cohort.report.coverage': '{percent} % välttämättömästä osaamisesta; puuttuu: {skills}',
  'cohort.report.unmatchedTitle': 'Henkilöt ilman sopivaa työpaikkaa',
  'cohort.report.unmatchedNearest': 'Lähin: {vacancy} ({score, number}); puuttuu {skills}',
  'cohort.report.nothingLacking': 'ei nimettyä',
  'cohort.report.none': 'Ei yhtään.',
  'cohort.report.hidden': 'piilotettu',
  'cohort.report.personalData': 'Sisältää henkilötietoja: vain työllisyysalueen asiantuntijoille.',
};
