import { humanDuration, since } from './age.format';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [-1 * s, '0s'],
    [-1999, '0s'],
    [-2 * s, '<invalid>'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [125 * s, '2m5s'],
    [5 * m + 12 * s, '5m12s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [12 * m + 30 * s, '12m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 4 * m + 59 * s, '3h4m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h + 59 * m, '47h'],
    [48 * h, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [(3 * 365 + 45) * d, '3y45d'],
    [(7 * 365 + 364) * d, '7y364d'],
    [8 * 365 * d, '8y'],
    [(10 * 365 + 100) * d, '10y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('since', () => {
  const now = new Date('2024-05-01T12:00:00Z');

  it('renders the age of a timestamp', () => {
    expect(since('2024-05-01T11:54:48Z', now)).toBe('5m12s');
  });

  it('renders a missing or unparsable timestamp as <unknown>', () => {
    expect(since(undefined, now)).toBe('<unknown>');
    expect(since(null, now)).toBe('<unknown>');
    expect(since('', now)).toBe('<unknown>');
    expect(since('yesterday', now)).toBe('<unknown>');
  });
});
