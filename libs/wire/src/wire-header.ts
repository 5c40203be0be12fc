import { randomUUID } from 'node:crypto';
import { streamSchema } from '@qsync/frames';
import type { StreamSchema } from '@qsync/frames';
import { qsyncVersion } from './qsync-version';
import { WIRE_VERSION } from './wire-record';
import type { WireHeader } from './wire-record';

/** A header whose schema is still to come: `toWire` takes it from the stream's schema record or first frame. */
export type WireHeaderInit = Omit<WireHeader, 'schema'> & { schema?: StreamSchema };

/** What {@link wireHeader} builds a header from; everything but `name` and `sourceId` has a default. */
export interface WireHeaderConfig {
  /** the stream's name (LSL's name), e.g. 'heterodyne currents' */
  name: string;
  /** a stable name of the producer, kept across restarts (LSL's source_id) */
  sourceId: string;
  /** the channels; absent: taken from the stream by `toWire` */
  schema?: StreamSchema;
  /** default: a fresh random UUID (a new session per header) */
  sessionId?: string;
  /** default: now, ISO 8601 UTC */
  createdAt?: string | Date;
  model?: string;
  parameters?: Record<string, unknown>;
  scenario?: unknown;
  /** the seed of the stream's noise (noiseSeed), an integer */
  seed?: number;
  metadata?: Record<string, unknown>;
}

/**
 * Builds the header of a wire stream: the schema of its data and its provenance (source id,
 * session id, creation time, model, parameters, scenario, seed, the qsync version of the root
 * package.json), ready for `toWire`.
 *
 * @param config - `{ name, sourceId, schema?, sessionId = random UUID, createdAt = now, model?,
 *   parameters?, scenario?, seed?, metadata? }`
 * @returns a {@link WireHeader} when `schema` is given, otherwise a {@link WireHeaderInit}
 * @throws Error naming the field: a name or sourceId that is not a non-empty string, a seed that
 *   is not an integer, a createdAt that is not a date, an invalid schema
 * @example
 * const schema = streamSchema({ channels: { J: { kind: 'complex' } }, rate: 100 });
 * const h = wireHeader({ name: 'currents', sourceId: 'vdp-1', schema, seed: 7, createdAt: '2026-01-02T03:04:05Z' });
 * [h.version, h.provenance.createdAt, h.provenance.seed, h.provenance.qsyncVersion === qsyncVersion()];
 * // → [1, '2026-01-02T03:04:05.000Z', 7, true]
 */
export function wireHeader(config: WireHeaderConfig & { schema: StreamSchema }): WireHeader;
export function wireHeader(config: WireHeaderConfig): WireHeaderInit;
export function wireHeader(config: WireHeaderConfig): WireHeaderInit {
  const fn = 'wireHeader';
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { name, sourceId, … }`);
  for (const f of ['name', 'sourceId'] as const) {
    if (typeof config[f] !== 'string' || config[f] === '') {
      throw new Error(`${fn}: field '${f}' must be a non-empty string, got ${String(config[f])}`);
    }
  }
  if (config.sessionId !== undefined && (typeof config.sessionId !== 'string' || config.sessionId === '')) {
    throw new Error(`${fn}: field 'sessionId' must be a non-empty string, got ${String(config.sessionId)}`);
  }
  if (config.seed !== undefined && !Number.isSafeInteger(config.seed)) {
    throw new Error(`${fn}: field 'seed' must be an integer, got ${String(config.seed)}`);
  }
  const created = config.createdAt === undefined ? new Date() : new Date(config.createdAt);
  if (Number.isNaN(created.getTime())) {
    throw new Error(`${fn}: field 'createdAt' must be a date or an ISO 8601 string, got ${String(config.createdAt)}`);
  }
  for (const f of ['parameters', 'metadata'] as const) {
    const v = config[f];
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v))) {
      throw new Error(`${fn}: field '${f}' must be an object, got ${Array.isArray(v) ? 'an array' : String(v)}`);
    }
  }
  const provenance: WireHeader['provenance'] = {
    sourceId: config.sourceId,
    sessionId: config.sessionId ?? randomUUID(),
    createdAt: created.toISOString(),
    qsyncVersion: qsyncVersion(),
    ...(config.model !== undefined ? { model: config.model } : {}),
    ...(config.parameters !== undefined ? { parameters: config.parameters } : {}),
    ...(config.scenario !== undefined ? { scenario: config.scenario } : {}),
    ...(config.seed !== undefined ? { seed: config.seed } : {}),
    ...(config.metadata !== undefined ? { metadata: config.metadata } : {}),
  };
  const header: WireHeaderInit = { kind: 'header', version: WIRE_VERSION, name: config.name, provenance };
  if (config.schema !== undefined) {
    // re-made by streamSchema: checked, and a plain record even if the caller's was not
    header.schema = streamSchema(config.schema);
  }
  return header;
}
