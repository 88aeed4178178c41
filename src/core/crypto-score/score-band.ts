/** The five bands of seed 001, "How to Interpret the Score". */
export type ScoreBand = 'very_bearish' | 'bearish' | 'neutral' | 'bullish' | 'very_bullish';

/**
 * The band of a score: 0–24 very bearish, 25–39 bearish, 40–59 neutral, 60–74 bullish, 75–100 very bullish
 * (seed 001). The seed's bands are whole numbers, so a fractional score is banded by its nearest whole number
 * (half up): 24.4 is very bearish, 24.5 bearish, 74.5 very bullish.
 */
export function scoreBand(score: number): ScoreBand {
  if (!(score >= 0 && score <= 100)) throw new Error(`score was ${score}; expected 0–100`);
  const s = Math.floor(score + 0.5);
  if (s <= 24) return 'very_bearish';
  if (s <= 39) return 'bearish';
  if (s <= 59) return 'neutral';
  if (s <= 74) return 'bullish';
  return 'very_bullish';
}
