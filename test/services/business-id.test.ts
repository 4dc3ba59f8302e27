import { isValidBusinessId } from '../../src/employers/business-id';

describe('Finnish business ID (Y-tunnus)', () => {
  it.each(['0737546-2', '1572860-0', '0112038-9', '2617416-4'])(
    'accepts %s, whose check digit is right',
    (id) => {
      expect(isValidBusinessId(id)).toBe(true);
    },
  );

  it.each([
    ['0737546-3', 'a wrong check digit'],
    ['737546-2', 'six digits'],
    ['07375462', 'no hyphen'],
    ['0737546-', 'no check digit'],
    ['FI07375462', 'the VAT form'],
  ])('refuses %s (%s)', (id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });

  it('refuses every ID whose weighted sum leaves remainder 1, which is never issued', () => {
    // 0000010: weights 7,9,10,5,8,4,2 → 4 % 11 = 4; find one with remainder 1 by search.
    const withRemainderOne = Array.from({ length: 2000 }, (_, n) =>
      String(n).padStart(7, '0'),
    ).find((digits) => {
      const sum = [...digits].reduce((t, d, i) => t + Number(d) * [7, 9, 10, 5, 8, 4, 2][i]!, 0);
      return sum % 11 === 1;
    })!;
    for (let check = 0; check <= 9; check++)
      expect(isValidBusinessId(`${withRemainderOne}-${check}`)).toBe(false);
  });
});
