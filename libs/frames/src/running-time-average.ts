import { defer, map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { realChannel } from './frame';
import type { Frame, RealChannel } from './frame';

/** Options of {@link runningTimeAverage}. */
export interface RunningTimeAverageConfig {
  /**
   * Names of the real channels to average. Default: every real channel of the first frame.
   * Each listed channel must be present and real in every frame.
   */
  channels?: readonly string[];
}

/**
 * Running time average of real channels, trapezoidal in t:
 * for each frame at time t, emits x̄(t) = (1/(t − t₀)) ∫_{t₀}^{t} x(s) ds with the integral
 * taken by the trapezoidal rule over the frames seen so far (t₀ = time of the first frame).
 * While t = t₀ (the first frame) the average is the sample itself. The output frame has
 * the input's t and one real channel per averaged channel, with the same name and unit;
 * other channels are dropped. Times need not be equally spaced but must not decrease.
 * State is per subscription.
 *
 * @param config - which channels to average (default: all real channels of the first frame)
 * @returns an operator Frame → Frame; it errors (naming the channel or the times) when a
 *   channel is missing or not real, or when t decreases
 * @example
 * const frames = [0, 2, 2].map((x, t) => ({ t, channels: { x: realChannel(x) } }));
 * const averages = await lastValueFrom(from(frames).pipe(runningTimeAverage(), toArray()));
 * averages.map((f) => channelValue(f, 'x', 'real').value); // [0, 1, 1.5] — trapezoids: 0, (0 + 2)/2, (1 + 2)/2
 */
export function runningTimeAverage(config: RunningTimeAverageConfig = {}): OperatorFunction<Frame, Frame> {
  const requested = config.channels === undefined ? undefined : [...config.channels];
  return (source) =>
    defer(() => {
      let names: string[] = [];
      let units: (string | undefined)[] = [];
      let integral = new Float64Array(0);
      let previous = new Float64Array(0);
      let t0 = NaN;
      let tPrev = NaN;
      let first = true;

      const read = (frame: Frame, name: string): RealChannel => {
        if (!Object.hasOwn(frame.channels, name)) {
          throw new Error(`runningTimeAverage: channel '${name}' is missing in the frame at t = ${frame.t}`);
        }
        const channel = frame.channels[name];
        if (channel.kind !== 'real') {
          throw new Error(
            `runningTimeAverage: channel '${name}' must be real, got kind '${channel.kind}' at t = ${frame.t}`,
          );
        }
        return channel;
      };

      return source.pipe(
        map((frame): Frame => {
          const t = frame.t;
          if (!Number.isFinite(t)) {
            throw new Error(`runningTimeAverage: frame time must be finite, got t = ${t}`);
          }
          if (first) {
            first = false;
            names =
              requested ??
              Object.keys(frame.channels).filter((k) => frame.channels[k].kind === 'real');
            units = names.map((name) => read(frame, name).unit);
            integral = new Float64Array(names.length);
            previous = new Float64Array(names.length);
            t0 = t;
            tPrev = t;
          } else if (t < tPrev) {
            throw new Error(
              `runningTimeAverage: frame times must not decrease, got t = ${t} after t = ${tPrev}`,
            );
          }
          const dt = t - tPrev;
          const span = t - t0;
          const channels: Record<string, RealChannel> = {};
          for (let k = 0; k < names.length; k++) {
            const x = read(frame, names[k]).value;
            if (span > 0) {
              integral[k] += 0.5 * (previous[k] + x) * dt;
            }
            previous[k] = x;
            channels[names[k]] = realChannel(span > 0 ? integral[k] / span : x, units[k]);
          }
          tPrev = t;
          return { t, channels };
        }),
      );
    });
}
