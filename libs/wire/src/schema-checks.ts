/**
 * Checks shared by toWire and fromWire: a frame's channels against a stream schema, and two
 * schemas against each other. Internal.
 */
import { streamSchema } from '@qsync/frames';
import type { Channel, Frame, StreamSchema } from '@qsync/frames';

/** The schema a frame implies: a real or complex scalar is shape [], an array keeps its shape. */
export function frameSchema(frame: Frame): StreamSchema {
  const channels: Record<string, { kind: 'real' | 'complex'; shape: readonly number[]; unit?: string }> = {};
  for (const name of Object.keys(frame.channels)) {
    const c = frame.channels[name];
    const kind = c.kind === 'array' ? (c.complex ? 'complex' : 'real') : c.kind;
    const shape = c.kind === 'array' ? c.shape : [];
    channels[name] = c.unit === undefined ? { kind, shape } : { kind, shape, unit: c.unit };
  }
  return streamSchema({ channels });
}

/** The first way `frame` does not fit `schema` (names, kinds, shapes, units), or null. */
export function frameMismatch(frame: Frame, schema: StreamSchema): string | null {
  for (const name of Object.keys(frame.channels)) {
    const s = schema.channels[name];
    if (s === undefined || !Object.hasOwn(schema.channels, name)) {
      return `channel '${name}' is not in the stream's schema (channels ${Object.keys(schema.channels).join(', ')})`;
    }
    const c: Channel = frame.channels[name];
    const kind = c.kind === 'array' ? (c.complex ? 'complex' : 'real') : c.kind;
    const shape = c.kind === 'array' ? c.shape : [];
    if (kind !== s.kind || !sameShape(shape, s.shape) || c.unit !== s.unit) {
      return `channel '${name}' is ${kind} [${shape.join(', ')}]${c.unit === undefined ? '' : ` in ${c.unit}`}, but the schema says ${s.kind} [${s.shape.join(', ')}]${s.unit === undefined ? '' : ` in ${s.unit}`}`;
    }
  }
  for (const name of Object.keys(schema.channels)) {
    if (!Object.hasOwn(frame.channels, name)) return `channel '${name}' of the schema is missing`;
  }
  return null;
}

/** The first difference between two schemas, or null when they describe the same stream. */
export function schemaMismatch(a: StreamSchema, b: StreamSchema): string | null {
  if (a.rate !== b.rate) return `rate ${String(a.rate)} vs ${String(b.rate)}`;
  const an = Object.keys(a.channels).sort();
  const bn = Object.keys(b.channels).sort();
  if (an.join('\u0000') !== bn.join('\u0000')) return `channels ${an.join(', ')} vs ${bn.join(', ')}`;
  for (const name of an) {
    const x = a.channels[name];
    const y = b.channels[name];
    if (x.kind !== y.kind || !sameShape(x.shape, y.shape) || x.unit !== y.unit || x.description !== y.description) {
      return `channel '${name}' differs`;
    }
  }
  return null;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
