import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSpec, loadSpecExamples, mutatedExample, specPath } from './specExamples.js';

// The fuzz tests' own mutator: every body it hands out must be finite, serialisable JSON. Shared breaking values
// once let one mutation insert an object into itself (or set a prototype through a `__proto__` key), and the
// fuzz failed in the test, not in the library.
const stackable = ['POST /client/v1/validations', 'POST /v1/validations'];

describe.skipIf(!hasSpec && !process.env.CI)(`the spec-example mutator (${specPath})`, () => {
  const examples = hasSpec ? loadSpecExamples() : [];
  const roundTrips = ({ body }: { body: string }) => {
    expect(() => JSON.parse(body)).not.toThrow();
  };

  it('builds serialisable JSON on seed 5, which once built a circular value', () => {
    fc.assert(fc.property(mutatedExample(examples, stackable), roundTrips), { seed: 5, numRuns: 200 });
  });

  it('builds serialisable JSON on many seeds, and keeps the hostile __proto__ bodies', () => {
    let hostile = 0;
    for (let run = 0; run < 25; run++) {
      fc.assert(
        fc.property(mutatedExample(examples, stackable), ({ body }) => {
          const parsed: unknown = JSON.parse(body);
          if (body.includes('"__proto__":')) hostile += 1;
          // Parsing again gives the same text: nothing was lost to a prototype or an accessor.
          expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(JSON.stringify(parsed))));
        }),
        { numRuns: 200 },
      );
    }
    expect(hostile).toBeGreaterThan(0);
  }, 60_000);
});
