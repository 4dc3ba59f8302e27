import { forDisplay } from '../../src/kernel/text/display-number';

describe('scores as people read them', () => {
  it('rounds to two decimals, half away from zero, even where binary falls short', () => {
    expect(forDisplay(0.8734)).toBe(0.87);
    expect(forDisplay(0.285)).toBe(0.29);
    expect(forDisplay(1.005)).toBe(1.01);
    expect(forDisplay(-0.125)).toBe(-0.13);
    expect(forDisplay(0)).toBe(0);
    expect(forDisplay(1)).toBe(1);
    expect(forDisplay(null)).toBeNull();
  });
});
