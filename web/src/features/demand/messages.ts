import { defineMessages } from '../../i18n/i18n';

export const demandMessages = defineMessages(
  {
    title: 'Skills in demand',
    intro:
      'The skills that open vacancies in the chosen municipalities ask for most and that jobseekers there hold least: what trainings to buy.',
    municipalities: 'Municipalities',
    municipalitiesHint: 'All of them when none is chosen.',
    chartTitle: 'Open positions and jobseekers with the skill',
    positions: 'Open positions',
    jobseekers: 'Jobseekers with the skill',
    skill: 'Skill',
    vacancies: 'Vacancies',
    gap: 'Shortfall',
    hidden: 'fewer than 5',
    none: 'No open vacancy asks for skills here.',
    perturbed:
      'Jobseeker counts are exact only for your own area; elsewhere they are perturbed and counts under 5 are hidden.',
  },
  {
    title: 'Osaamistarve',
    intro:
      'Osaaminen, jota valittujen kuntien avoimet työpaikat kysyvät eniten ja jota alueen työnhakijoilla on vähiten: mitä koulutusta kannattaa hankkia.',
    municipalities: 'Kunnat',
    municipalitiesHint: 'Kaikki, jos yhtään ei ole valittu.',
    chartTitle: 'Avoimet paikat ja työnhakijat, joilla osaaminen on',
    positions: 'Avoimia paikkoja',
    jobseekers: 'Työnhakijoita, joilla osaaminen on',
    skill: 'Osaaminen',
    vacancies: 'Työpaikkoja',
    gap: 'Vaje',
    hidden: 'alle 5',
    none: 'Yksikään avoin työpaikka ei kysy täällä osaamista.',
    perturbed:
      'Työnhakijoiden määrät ovat tarkkoja vain omalla alueellasi; muualla niitä on muunneltu hieman ja alle viiden määrät piilotetaan.',
  },
  {
    title: 'Efterfrågad kompetens',
    intro:
      'Den kompetens som lediga jobb i de valda kommunerna efterfrågar mest och som arbetssökande där har minst av: vilken utbildning det lönar sig att skaffa.',
    municipalities: 'Kommuner',
    municipalitiesHint: 'Alla om ingen är vald.',
    chartTitle: 'Lediga platser och arbetssökande med kompetensen',
    positions: 'Lediga platser',
    jobseekers: 'Arbetssökande med kompetensen',
    skill: 'Kompetens',
    vacancies: 'Lediga jobb',
    gap: 'Underskott',
    hidden: 'färre än 5',
    none: 'Inget ledigt jobb efterfrågar kompetens här.',
    perturbed:
      'Antalet arbetssökande är exakt bara inom ditt eget område; på annat håll har det ändrats något och antal under 5 döljs.',
  },
);
