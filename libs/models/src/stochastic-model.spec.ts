import { describe, expect, it, vi } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { noisyPhasePair } from './noisy-phase-pair';
import { simulateWith } from './stochastic-model';

// Counts the SDE steppers a run builds: a pass-through wrapper around the integrators' own
// createSdeStepper, the one `sdeSolve` calls (mocked by file, so the count sees inside sdeSolve).
const built = vi.hoisted(() => ({ steppers: 0 }));
vi.mock('../../integrators/src/create-sde-stepper', async (importOriginal) => {
  const original = await importOriginal<{ createSdeStepper: (...args: unknown[]) => unknown }>();
  return {
    createSdeStepper: (...args: unknown[]) => {
      built.steppers++;
      return original.createSdeStepper(...args);
    },
  };
});

describe('simulateWith', () => {
  it('builds no stepper when simulate is called and one per subscription (the memory of a run is one stepper)', async () => {
    const model = noisyPhasePair({ delta: 0.5, V: 1, sigma: 0.8, realizations: 8 });
    built.steppers = 0;
    const run = model.simulate([0, 1, 2], { noiseSeed: 3 });
    expect(built.steppers).toBe(0);
    const first = await lastValueFrom(run.pipe(toArray()));
    expect(built.steppers).toBe(1);
    const second = await lastValueFrom(run.pipe(toArray()));
    expect(built.steppers).toBe(2);
    await lastValueFrom(run.pipe(take(1)));
    expect(built.steppers).toBe(3);
    // each subscription replays the same run: the noise is drawn afresh from stream 1 of the seed
    expect(second).toEqual(first);
    // refused options build nothing either
    expect(() => model.simulate([0, 1], { dt: -1 })).toThrow(/'dt'/);
    expect(built.steppers).toBe(3);
  });

  it('builds the model\'s initial state when subscribed, not when simulate is called', async () => {
    const base = noisyPhasePair({ delta: 0.5, V: 1, sigma: 0.8, realizations: 8 });
    const seeds: number[] = [];
    const simulate = simulateWith({
      ...base,
      initialState: (noiseSeed) => {
        seeds.push(noiseSeed);
        return base.initialState(noiseSeed);
      },
    });
    const run = simulate([0, 1], { noiseSeed: 3 });
    expect(seeds).toEqual([]);
    const frames = await lastValueFrom(run.pipe(toArray()));
    expect(seeds).toEqual([3]);
    // the same frames as the model's own simulate, bit for bit
    expect(frames).toEqual(await lastValueFrom(base.simulate([0, 1], { noiseSeed: 3 }).pipe(toArray())));
  });
});
