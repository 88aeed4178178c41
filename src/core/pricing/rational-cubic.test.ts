import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { convexControlFittingLeft, convexControlFittingRight, rationalCubicInterpolation, type RationalCubicSegment } from './rational-cubic.ts';

/** The cubic Hermite interpolant (textbook): the rational cubic with r = 3 (Delbourgo–Gregory 1985, §2). */
function hermite(x: number, s: RationalCubicSegment): number {
  const h = s.xR - s.xL;
  const t = (x - s.xL) / h;
  const h00 = 2 * t ** 3 - 3 * t ** 2 + 1;
  const h10 = t ** 3 - 2 * t ** 2 + t;
  const h01 = -2 * t ** 3 + 3 * t ** 2;
  const h11 = t ** 3 - t ** 2;
  return h00 * s.yL + h10 * h * s.dL + h01 * s.yR + h11 * h * s.dR;
}

const segment = fc.record({
  xL: fc.double({ min: -5, max: 5, noNaN: true }),
  width: fc.double({ min: 0.1, max: 5, noNaN: true }),
  yL: fc.double({ min: -5, max: 5, noNaN: true }),
  yR: fc.double({ min: -5, max: 5, noNaN: true }),
  dL: fc.double({ min: -5, max: 5, noNaN: true }),
  dR: fc.double({ min: -5, max: 5, noNaN: true }),
}).map(({ xL, width, ...rest }) => ({ xL, xR: xL + width, ...rest }));

test('rational cubic with r = 3 is the cubic Hermite interpolant (Delbourgo–Gregory 1985, §2)', () => {
  fc.assert(fc.property(segment, fc.double({ min: 0, max: 1, noNaN: true }), (s, u) => {
    const x = s.xL + u * (s.xR - s.xL);
    assert.ok(Math.abs(rationalCubicInterpolation(x, s, 3) - hermite(x, s)) <= 1e-12 * (1 + Math.abs(hermite(x, s))));
  }));
});

test('rational cubic passes through both end points with the given end slopes, for any r > −1', () => {
  fc.assert(fc.property(segment, fc.double({ min: -0.9, max: 50, noNaN: true }), (s, r) => {
    assert.ok(Math.abs(rationalCubicInterpolation(s.xL, s, r) - s.yL) <= 1e-12);
    assert.ok(Math.abs(rationalCubicInterpolation(s.xR, s, r) - s.yR) <= 1e-12);
    const h = 1e-6 * (s.xR - s.xL);
    const slopeL = (rationalCubicInterpolation(s.xL + h, s, r) - rationalCubicInterpolation(s.xL, s, r)) / h;
    const slopeR = (rationalCubicInterpolation(s.xR, s, r) - rationalCubicInterpolation(s.xR - h, s, r)) / h;
    assert.ok(Math.abs(slopeL - s.dL) <= 1e-3 * (1 + Math.abs(r)) * (1 + Math.abs(s.dL)));
    assert.ok(Math.abs(slopeR - s.dR) <= 1e-3 * (1 + Math.abs(r)) * (1 + Math.abs(s.dR)));
  }));
});

test('the fitted control parameter reproduces a requested end second derivative when it is shape-consistent', () => {
  // Convex increasing data (slopes 0.5 < secant 1 < 2), requested curvature within the convex range.
  const s = { xL: 0, xR: 1, yL: 0, yR: 1, dL: 0.5, dR: 2 };
  const second = (x: number, r: number): number => {
    const h = 1e-4;
    return (rationalCubicInterpolation(x + h, s, r) - 2 * rationalCubicInterpolation(x, s, r) + rationalCubicInterpolation(x - h, s, r)) / (h * h);
  };
  const rRight = convexControlFittingRight(s, 4, true);
  assert.ok(Math.abs(second(1 - 1e-4, rRight) - 4) < 1e-2, `r=${rRight} f''(1)=${second(1 - 1e-4, rRight)}`);
  const rLeft = convexControlFittingLeft(s, 1, true);
  assert.ok(Math.abs(second(1e-4, rLeft) - 1) < 1e-2, `r=${rLeft} f''(0)=${second(1e-4, rLeft)}`);
});

test('monotone data give a monotone interpolant with the shape-preserving control (Delbourgo–Gregory eq. 3.8)', () => {
  fc.assert(fc.property(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true }), (dL, dR, target) => {
    const s = { xL: 0, xR: 1, yL: 0, yR: 1, dL, dR };
    const r = convexControlFittingRight(s, target, true);
    let previous = -Infinity;
    for (let i = 0; i <= 100; i++) {
      const y = rationalCubicInterpolation(i / 100, s, r);
      assert.ok(y >= previous - 1e-12, `not monotone at ${i / 100} (r=${r})`);
      previous = y;
    }
  }));
});
