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

/**
 * Expected total-variation distance to uniform of an exact sampler after `draws` draws over
 * `outcomes` equally likely outcomes: (K / 2N)·E|X − N/K| with X ~ Binomial(N, 1/K), summed exactly
 * (in log space, so that large N does not underflow).
 */
export function expectedExactTv(outcomes: number, draws: number): number {
  const p = 1 / outcomes;
  const mean = draws * p;
  let logPmf = draws * Math.log1p(-p);
  const step = Math.log(p / (1 - p));
  let sum = 0;
  for (let x = 0; x <= draws; x++) {
    sum += Math.exp(logPmf) * Math.abs(x - mean);
    logPmf += Math.log((draws - x) / (x + 1)) + step;
  }
  return (outcomes / (2 * draws)) * sum;
}

export interface TvRatioReport {
  outcomes: number;
  batches: number;
  drawsPerBatch: number;
  /** Mean TV distance of the sampler's batches. */
  meanTv: number;
  /** Expected TV distance of an exact sampler with the same batch size. */
  exactTv: number;
  ratio: number;
  invalid: number;
  pass: boolean;
}

/** The limit of the check: the sampler's TV may be at most this multiple of an exact sampler's. */
export const TV_RATIO_LIMIT = 1.2;

/**
 * Draws `total` samples in batches and compares the batches' mean TV distance to uniform with an
 * exact sampler's expected TV at the same batch size. The TV of one batch of an exact sampler has
 * a coefficient of variation of about √((π/2 − 1)/K) whatever the batch size, so the number of
 * batches is chosen to put the 1.2 limit four standard errors above the expected ratio of 1.
 */
export function tvRatioCheck(valid: ReadonlySet<string>, sample: () => string, total: number): TvRatioReport {
  const outcomes = valid.size;
  const cv = Math.sqrt((Math.PI / 2 - 1) / outcomes);
  const batches = Math.max(8, Math.ceil(((4 * cv) / (TV_RATIO_LIMIT - 1)) ** 2));
  const drawsPerBatch = Math.floor(total / batches);
  let tvSum = 0;
  let invalid = 0;
  for (let b = 0; b < batches; b++) {
    const counts = new Map<string, number>();
    for (let i = 0; i < drawsPerBatch; i++) {
      const key = sample();
      if (!valid.has(key)) invalid++;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let tv = 0;
    for (const key of valid) tv += Math.abs((counts.get(key) ?? 0) / drawsPerBatch - 1 / outcomes);
    tvSum += tv / 2;
  }
  const meanTv = tvSum / batches;
  const exactTv = expectedExactTv(outcomes, drawsPerBatch);
  const ratio = meanTv / exactTv;
  return { outcomes, batches, drawsPerBatch, meanTv, exactTv, ratio, invalid, pass: invalid === 0 && ratio <= TV_RATIO_LIMIT };
}
