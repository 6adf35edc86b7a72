/**
 * Goodness-of-fit against the uniform distribution over K outcomes from N draws. Thresholds are
 * derived for the sample size: chi-square at α = 0.001 (Wilson–Hilferty), and total variation
 * distance at its expected value under uniformity plus five standard deviations.
 */
export interface FitReport {
  outcomes: number;
  draws: number;
  tv: number;
  tvLimit: number;
  chi2: number;
  chi2Limit: number;
  unseen: number;
  pass: boolean;
}

const Z_999 = 3.0902;

export function uniformFit(counts: ReadonlyMap<string, number>, outcomes: number, draws: number): FitReport {
  const p = 1 / outcomes;
  const expected = draws * p;
  let tv = 0;
  let chi2 = 0;
  let seen = 0;
  for (const c of counts.values()) {
    tv += Math.abs(c / draws - p);
    chi2 += (c - expected) ** 2 / expected;
    seen++;
  }
  const unseen = outcomes - seen;
  tv += unseen * p;
  chi2 += unseen * expected;
  tv /= 2;
  const sigma = Math.sqrt((p * (1 - p)) / draws);
  const meanTv = 0.5 * outcomes * sigma * Math.sqrt(2 / Math.PI);
  const sdTv = 0.5 * Math.sqrt(outcomes * (1 - 2 / Math.PI)) * sigma;
  const tvLimit = meanTv + 5 * sdTv;
  const k = outcomes - 1;
  const chi2Limit = k * (1 - 2 / (9 * k) + Z_999 * Math.sqrt(2 / (9 * k))) ** 3;
  const pass = tv <= tvLimit && chi2 <= chi2Limit && counts.size <= outcomes;
  return { outcomes, draws, tv, tvLimit, chi2, chi2Limit, unseen, pass };
}
