import type { ProbeSpec } from './scenario-types';

/**
 * The name of a probe's outputs (file stem and key in results): `relative-phase`,
 * `phase-<mode>` or `husimi-<mode>`.
 *
 * @example
 * probeId({ type: 'husimi', mode: 'a', extent: 4, points: 81 }); // → 'husimi-a'
 */
export function probeId(probe: ProbeSpec): string {
  return probe.type === 'relative-phase' ? probe.type : `${probe.type}-${probe.mode}`;
}
