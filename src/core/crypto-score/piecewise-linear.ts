/**
 * A score map that can be explained in one table: straight lines between anchor points `[x, score]`, flat
 * beyond the first and last anchor. Every pillar of the crypto Smart Money Score (seed 001) goes through one,
 * anchored on the seed's own thresholds where it gives them (docs/methodology.md, "Crypto Smart Money Score").
 */
export type Anchors = readonly (readonly [x: number, score: number])[];

/**
 * The score of `x` on the polyline through `anchors` (x strictly increasing, scores in 0–100), clamped to the
 * end anchors' scores outside their range. Asserts on a malformed table: the anchors are constants of the code.
 */
export function piecewiseLinear(anchors: Anchors, x: number): number {
  const first = anchors[0], last = anchors[anchors.length - 1];
  if (first === undefined || last === undefined) throw new Error('piecewiseLinear: no anchors');
  if (!Number.isFinite(x)) throw new Error(`piecewiseLinear: x was ${x}; expected a finite number`);
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i] as readonly [number, number];
    if (x <= x1) {
      const [x0, y0] = anchors[i - 1] as readonly [number, number];
      return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }
  }
  return last[1];
}

/** Throws unless x strictly increases and every score is within 0–100 (run once per table, in its test). */
export function checkAnchors(anchors: Anchors): void {
  if (anchors.length < 2) throw new Error('expected at least two anchors');
  for (let i = 0; i < anchors.length; i++) {
    const [x, y] = anchors[i] as readonly [number, number];
    if (!(y >= 0 && y <= 100)) throw new Error(`anchor ${i} score was ${y}; expected 0–100`);
    if (i > 0 && !(x > (anchors[i - 1] as readonly [number, number])[0])) throw new Error(`anchor ${i} x was ${x}; expected increasing x`);
  }
}
