import { defineMessages } from '../../i18n/i18n';

/** Texts of the revision comparison (/vacancies/:vacancyId/revisions). */
export const revisionMessages = defineMessages(
  {
    title: 'Compare revisions',
    intro:
      'Choose two revisions of the requirement profile to see what changed and how the candidate pool changed. Both are counted against the jobseekers of today.',
    vacancy: 'Vacancy: {title}',
    backToVacancy: 'Back to the vacancy',
    from: 'Earlier revision',
    to: 'Later revision',
    revision: 'Revision {revision}',
    currentRevision: 'Revision {revision} (current)',
    onlyOne:
      'The requirement profile has only one revision so far, so there is nothing to compare yet.',
    wrongOrder: 'Choose two different revisions, the earlier one first.',
    changesHeading: 'What changed',
    noChanges: 'The two revisions require the same.',
    poolHeading: 'Candidate pool',
    chartCaption: 'Jobseekers who would fit each revision',
    colRevision: 'Revision',
    colPool: 'Jobseekers',
    hidden: 'fewer than 5 (not shown)',
    poolGrew:
      '{count, plural, one {The pool grew by # jobseeker.} other {The pool grew by # jobseekers.}}',
    poolShrank:
      '{count, plural, one {The pool shrank by # jobseeker.} other {The pool shrank by # jobseekers.}}',
    poolSame: 'The size of the pool did not change.',
    poolChangeHidden: 'The change cannot be shown, since one of the pools is too small to show.',
    perturbed:
      "For data protection, figures other than the current revision's are slightly randomised.",
  },
  {
    title: 'Vaatimusversioiden vertailu',
    intro:
      'Valitse osaamisvaatimuksista kaksi versiota, niin näet, mitä muuttui ja miten ehdokasjoukko muuttui. Kumpikin lasketaan tämänhetkisistä työnhakijoista.',
    vacancy: 'Työpaikka: {title}',
    backToVacancy: 'Takaisin työpaikkaan',
    from: 'Aiempi versio',
    to: 'Myöhempi versio',
    revision: 'Versio {revision}',
    currentRevision: 'Versio {revision} (nykyinen)',
    onlyOne:
      'Osaamisvaatimuksista on toistaiseksi vain yksi versio, joten vertailtavaa ei vielä ole.',
    wrongOrder: 'Valitse kaksi eri versiota, aiempi ensin.',
    changesHeading: 'Mitä muuttui',
    noChanges: 'Versioiden vaatimukset ovat samat.',
    poolHeading: 'Ehdokasjoukko',
    chartCaption: 'Kuhunkin versioon sopivat työnhakijat',
    colRevision: 'Versio',
    colPool: 'Työnhakijoita',
    hidden: 'alle 5 (ei näytetä)',
    poolGrew:
      '{count, plural, one {Ehdokasjoukko kasvoi # työnhakijalla.} other {Ehdokasjoukko kasvoi # työnhakijalla.}}',
    poolShrank:
      '{count, plural, one {Ehdokasjoukko pieneni # työnhakijalla.} other {Ehdokasjoukko pieneni # työnhakijalla.}}',
    poolSame: 'Ehdokasjoukon koko ei muuttunut.',
    poolChangeHidden:
      'Muutosta ei voi näyttää, koska toinen joukoista on liian pieni näytettäväksi.',
    perturbed: 'Tietosuojan vuoksi muiden kuin nykyisen version lukuja on hieman satunnaistettu.',
  },
  {
    title: 'Jämför kravversioner',
    intro:
      'Välj två versioner av kravprofilen för att se vad som ändrades och hur kandidatgruppen förändrades. Båda räknas mot dagens arbetssökande.',
    vacancy: 'Ledigt jobb: {title}',
    backToVacancy: 'Tillbaka till jobbet',
    from: 'Tidigare version',
    to: 'Senare version',
    revision: 'Version {revision}',
    currentRevision: 'Version {revision} (nuvarande)',
    onlyOne: 'Kravprofilen har hittills bara en version, så det finns ännu inget att jämföra.',
    wrongOrder: 'Välj två olika versioner, den tidigare först.',
    changesHeading: 'Vad som ändrades',
    noChanges: 'De två versionerna har samma krav.',
    poolHeading: 'Kandidatgruppen',
    chartCaption: 'Arbetssökande som passar respektive version',
    colRevision: 'Version',
    colPool: 'Arbetssökande',
    hidden: 'färre än 5 (visas inte)',
    poolGrew:
      '{count, plural, one {Kandidatgruppen växte med # arbetssökande.} other {Kandidatgruppen växte med # arbetssökande.}}',
    poolShrank:
      '{count, plural, one {Kandidatgruppen minskade med # arbetssökande.} other {Kandidatgruppen minskade med # arbetssökande.}}',
    poolSame: 'Kandidatgruppens storlek ändrades inte.',
    poolChangeHidden:
      'Förändringen kan inte visas eftersom den ena gruppen är för liten för att visas.',
    perturbed: 'Av dataskyddsskäl har andra siffror än den nuvarande versionens slumpats något.',
  },
);
