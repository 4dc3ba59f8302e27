import { LabelInput } from '../../src/taxonomy/search/label-index';
import { OccupationSearch } from '../../src/taxonomy/search/occupation-search';

const occupation = (uri: string, language: string, ...labels: string[]): LabelInput[] =>
  labels.map((label, i) => ({
    conceptUri: `occupation/${uri}`,
    label,
    language,
    labelType: i === 0 ? 'preferred' : 'alternative',
  }));

const LABELS: LabelInput[] = [
  ...occupation('nurse', 'en', 'nurse responsible for general care', 'general nurse', 'nurse'),
  ...occupation('specialist-nurse', 'en', 'specialist nurse'),
  ...occupation('lecturer', 'en', 'university lecturer', 'university hospital lecturer'),
  ...occupation('sales-assistant', 'en', 'sales assistant', 'registered sales assistant'),
  ...occupation('porter', 'en', 'hospital porter'),
  ...occupation('cook', 'en', 'cook'),
  ...occupation('waiter', 'en', 'waiter/waitress', 'waiter'),
  ...occupation('kitchen-porter', 'en', 'kitchen porter', 'dishwasher'),
  ...occupation('crane', 'en', 'tower crane operator'),
  ...occupation('mobile-crane', 'en', 'mobile crane operator'),
  ...occupation('hotel-manager', 'en', 'hotel manager', 'spa hotel manager'),
  ...occupation('hr-assistant', 'en', 'human resources assistant', 'HR assistant'),
  ...occupation('hr-officer', 'en', 'human resources officer'),
  ...occupation('police-officer', 'en', 'police officer'),
  ...occupation('plant-operator', 'en', 'treatment plant operator'),
  ...occupation('cook', 'fi', 'kokki'),
  ...occupation('waiter', 'fi', 'tarjoilija'),
  ...occupation('kitchen-porter', 'fi', 'tiskaaja'),
  ...occupation('restaurant-manager', 'fi', 'ravintolapäällikkö', 'ravintolan johtaja'),
  ...occupation('kuopio-typo-bait', 'fi', 'kuopionkalastaja'),
];

const ranked = (
  search: { search(t: string, l: string, n: number): { conceptUri: string }[] },
  text: string,
  language = 'en',
) => search.search(text, language, 5).map((h) => h.conceptUri.replace('occupation/', ''));

describe('OccupationSearch on ad titles', () => {
  const search = OccupationSearch.build({
    labels: LABELS,
    places: ['Kuopio', 'Siilinjärvi'],
    corpus: ['test water quality', 'manage water supply', 'water distribution'],
  });

  it('returns the job first, not the employer and place that follow it', () => {
    expect(ranked(search, 'Nurse - Kuopio University Hospital')[0]).toBe('nurse');
    expect(ranked(search, 'Cook (m/f/d) - Spa Hotel Rauhalahti, Kuopio, 60 %')[0]).toBe('cook');
    expect(ranked(search, 'Hospital porter - Kuopio University Hospital Oy')[0]).toBe('porter');
  });

  it('returns every job of a list in the first ranks', () => {
    expect(
      ranked(search, 'Cook, waiter and dishwasher - Spa Hotel Rauhalahti Oy, Kuopio')
        .slice(0, 3)
        .sort(),
    ).toEqual(['cook', 'kitchen-porter', 'waiter']);
    expect(
      ranked(search, 'Kokki, tarjoilija ja tiskaaja - Ravintola Kummisetä, Kuopio', 'fi')
        .slice(0, 3)
        .sort(),
    ).toEqual(['cook', 'kitchen-porter', 'waiter']);
  });

  it('lets a qualifier in brackets pick the job among those of the same head', () => {
    expect(ranked(search, 'Crane operator (tower crane)')[0]).toBe('crane');
  });

  it('ignores an inflected municipality name', () => {
    expect(ranked(search, 'Kokki, Kuopion keskusta', 'fi')).not.toContain('kuopio-typo-bait');
  });

  it('spells out an acronym as the labels of the same concept do ("HR" for "human resources")', () => {
    expect(ranked(search, 'HR officer (temporary)')[0]).toBe('hr-officer');
  });

  it('never turns a word of the language into a rarer occupation word by a typo match', () => {
    // "water" is one edit from "waiter"; the skill labels show it is a word of its own.
    expect(ranked(search, 'Water, treatment plant operator')).toEqual(['plant-operator']);
  });
});
