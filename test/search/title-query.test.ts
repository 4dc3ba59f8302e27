import { titleItems } from '../../src/taxonomy/search/title-query';

const texts = (title: string, isPlace?: (w: string) => boolean) =>
  titleItems(title, isPlace).map((i) => i.text);

describe('titleItems', () => {
  it('returns each job of a list joined by commas, "and", "/" and their fi/sv forms', () => {
    expect(texts('Cook, waiter and dishwasher')).toEqual(['Cook', 'waiter', 'dishwasher']);
    expect(texts('Scrum Master / Agile coach')).toEqual(['Scrum Master', 'Agile coach']);
    expect(texts('Kokki, tarjoilija ja tiskaaja')).toEqual(['Kokki', 'tarjoilija', 'tiskaaja']);
    expect(texts('Kock, servitör och diskare')).toEqual(['Kock', 'servitör', 'diskare']);
  });

  it('drops gender markers, percentages, hours and shift patterns', () => {
    expect(texts('Senior Java Developer (m/f/d)')).toEqual(['Senior Java Developer']);
    expect(texts('Koch (m/w/d)')).toEqual(['Koch']);
    expect(texts('Cuisinier (h/f)')).toEqual(['Cuisinier']);
    expect(texts('Dental hygienist, part-time 60%')).toEqual(['Dental hygienist', 'part time']);
    expect(texts('Personal assistant, 20 h/week')).toEqual(['Personal assistant']);
    expect(texts('Machine operator, paper mill 5-shift')).toEqual([
      'Machine operator',
      'paper mill',
    ]);
  });

  it('drops a chunk naming a company by its legal form, and place names', () => {
    const isPlace = (w: string) => /^kuopio/i.test(w);
    expect(texts('Sales Manager - Savon Sellu Oy, Kuopio', isPlace)).toEqual(['Sales Manager']);
    expect(texts('Developer @ Acme GmbH')).toEqual(['Developer']);
    expect(texts('Sairaanhoitaja, Kuopion yliopistollinen sairaala', isPlace)).toEqual([
      'Sairaanhoitaja',
      'yliopistollinen sairaala',
    ]);
  });

  it('numbers chunks in order, counting only chunks that keep a word', () => {
    expect(titleItems('Electrician - Acme Oy, Siilinjärvi / remote')).toEqual([
      { text: 'Electrician', chunk: 0, item: 0 },
      { text: 'Siilinjärvi', chunk: 1, item: 1 },
      { text: 'remote', chunk: 1, item: 2 },
    ]);
  });
});
