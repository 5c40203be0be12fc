/**
 * Frames of sampled test signals for the block specs of @qsync/frames (not exported).
 */
import { arrayChannel, complexChannel, realChannel } from '../frame';
import type { Frame } from '../frame';

/**
 * n frames at t = t0 + k·dt with channels x (real, x_k = sin(0.3k), unit 'V'), z (complex,
 * z_k = e^{0.2ik}) and q (real array [2, 3], q_k[i][j] = k + 10i + 100j).
 */
export function sampledFrames(n: number, dt: number, t0 = 0): Frame[] {
  const frames: Frame[] = [];
  for (let k = 0; k < n; k++) {
    const q = new Float64Array(6);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) q[3 * i + j] = k + 10 * i + 100 * j;
    frames.push({
      t: t0 + k * dt,
      channels: {
        x: realChannel(Math.sin(0.3 * k), 'V'),
        z: complexChannel(Math.cos(0.2 * k), Math.sin(0.2 * k)),
        q: arrayChannel(q, [2, 3]),
      },
    });
  }
  return frames;
}
