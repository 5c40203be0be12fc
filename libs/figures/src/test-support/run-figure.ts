// Test helper: runs a recipe to completion and returns its data and the stages it reported.
import { expect } from 'vitest';
import { lastValueFrom, take, tap } from 'rxjs';
import type { FigureCheck, FigureConfig, FigureData, FigurePanel, FigureRecipe } from '../figure-types';

export async function runFigure(
  recipe: FigureRecipe,
  config: FigureConfig,
): Promise<{ data: FigureData; stages: Set<string> }> {
  const stages = new Set<string>();
  const last = await lastValueFrom(
    recipe.run(config).pipe(
      tap((e) => {
        if (e.kind === 'progress') stages.add(e.stage);
      }),
    ),
  );
  if (last.kind !== 'data') throw new Error(`figure ${recipe.id}: the last event must be its data`);
  return { data: last.data, stages };
}

/** The panel of that name, which must be a line panel. */
export function linePanel(data: FigureData, name: string): Extract<FigurePanel, { kind: 'lines' }> {
  const panel = data.panels.find((p) => p.name === name);
  if (panel?.kind !== 'lines') throw new Error(`figure ${data.id}: panel '${name}' must be a line panel`);
  return panel;
}

/** The panel of that name, which must be a heatmap. */
export function heatmapPanel(data: FigureData, name: string): Extract<FigurePanel, { kind: 'heatmap' }> {
  const panel = data.panels.find((p) => p.name === name);
  if (panel?.kind !== 'heatmap') throw new Error(`figure ${data.id}: panel '${name}' must be a heatmap`);
  return panel;
}

/** The check whose name contains `part` (exactly one must). */
export function check(data: FigureData, part: string): FigureCheck {
  const found = data.checks.filter((c) => c.name.includes(part));
  if (found.length !== 1) throw new Error(`figure ${data.id}: ${found.length} checks named like '${part}'`);
  return found[0];
}

/**
 * The standard error a statistical check publishes (computed by the figure from its own run); throws
 * when it has none or it is not a positive number, so that no bound in units of it can be vacuous.
 */
export function standardError(c: FigureCheck): number {
  const se = c.standardError;
  if (!(typeof se === 'number' && se > 0 && Number.isFinite(se))) {
    throw new Error(`check '${c.name}': needs a positive finite standard error, got ${String(se)}`);
  }
  return se;
}

/** A parameter that must be a number. */
export function numberParameter(data: FigureData, name: string): number {
  const v = data.parameters[name];
  if (typeof v !== 'number') throw new Error(`figure ${data.id}: parameter '${name}' must be a number`);
  return v;
}

/**
 * Subscribes to the scale-1 run of `recipe`, unsubscribes on its first event and asserts that the
 * process then idles: the CPU time used over the next 500 ms stays far below the ≥ 250 ms a still
 * running simulation would take even at half a core.
 */
export async function expectStopsWhenUnsubscribed(recipe: FigureRecipe): Promise<void> {
  let events = 0;
  // take(1) closes the subscription even when the first event arrives during subscribe(), before a
  // handle could be assigned; events counts what the recipe emits, so a run that goes on is seen
  const subscription = recipe
    .run()
    .pipe(
      tap(() => events++),
      take(1),
    )
    .subscribe();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const before = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const used = process.cpuUsage(before);
  expect(events).toBe(1);
  expect(subscription.closed).toBe(true);
  expect((used.user + used.system) / 1000).toBeLessThan(120);
}
