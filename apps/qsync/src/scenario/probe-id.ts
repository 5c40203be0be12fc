import type { ProbeSpec } from './scenario-types';

/**
 * The name of a probe's outputs (file stem and key in results): `relative-phase` (of a model of
 * more than two modes `relative-phase-<mode>-<mode>`),
 * `phase-<mode>`, `husimi-<mode>`, `spin-relative-phase`, and `spin-phase`, `spin-husimi` (of a
 * model with one spin or identical spins) or `spin-phase-<spin>`, `spin-husimi-<spin>`.
 *
 * @example
 * probeId({ type: 'husimi', mode: 'a', extent: 4, points: 81 }); // → 'husimi-a'
 * probeId({ type: 'spin-phase', spin: 'B', points: 64 }); // → 'spin-phase-B'
 */
export function probeId(probe: ProbeSpec): string {
  switch (probe.type) {
    case 'relative-phase':
      return probe.modes === undefined ? probe.type : `${probe.type}-${probe.modes[0]}-${probe.modes[1]}`;
    case 'spin-relative-phase':
      return probe.type;
    case 'phase':
    case 'husimi':
      return `${probe.type}-${probe.mode}`;
    default:
      return probe.spin === undefined ? probe.type : `${probe.type}-${probe.spin}`;
  }
}
