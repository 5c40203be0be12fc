export { WIRE_VERSION } from './wire-record';
export type { WireData, WireHeader, WireNotice, WireProvenance, WireRecord, WireSubscribe } from './wire-record';
export { WIRE_HEAD_BYTES, WireFormatError, createWireDecoder, encodeWireRecord } from './wire-codec';
export type { WireDecoder, WireDecoderConfig } from './wire-codec';
export { createWireHub } from './create-wire-hub';
export type { OverflowPolicy, WireBufferConfig, WireConsumer, WireHistoryConfig, WireHub, WireHubConfig } from './create-wire-hub';
