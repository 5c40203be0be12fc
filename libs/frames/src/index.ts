export { arrayChannel, complexChannel, realChannel } from './frame';
export type {
  ArrayChannel,
  ArrayChannelConfig,
  Channel,
  ChannelKind,
  ComplexChannel,
  Frame,
  RealChannel,
} from './frame';
export { channelValue } from './channel-value';
export { chunkedObservable } from './chunked-observable';
export type {
  ChunkContext,
  ChunkedComputation,
  ChunkedEvent,
  ChunkedObservable,
  ChunkedObservableConfig,
  Progress,
} from './chunked-observable';
export { tapProgress } from './tap-progress';
export { deferChunked } from './defer-chunked';
export { decimate } from './decimate';
export { runningTimeAverage } from './running-time-average';
export type { RunningTimeAverageConfig } from './running-time-average';
export { ensembleMean } from './ensemble-mean';
export type { EnsembleMeanConfig } from './ensemble-mean';
export { sampleBlock } from './sample-block';
export type {
  BlockColumn,
  BlockColumnInit,
  ColumnKind,
  SampleBlock,
  SampleBlockInit,
} from './sample-block';
export { streamSchema } from './stream-schema';
export type { ChannelSchema, SampleRecord, StreamSchema, StreamSchemaInit } from './stream-schema';
export { validateSampleBlock } from './validate-sample-block';
export type { ValidateSampleBlockConfig } from './validate-sample-block';
export { validateSampleStream } from './validate-sample-stream';
export type { ValidateSampleStreamConfig } from './validate-sample-stream';
export { toBlocks } from './to-blocks';
export type { ToBlocksConfig } from './to-blocks';
export { toFrames } from './to-frames';
export { SampleStreamReader } from './sample-stream-reader';
export type { SampleStreamReaderConfig, StreamRecord } from './sample-stream-reader';
export { columnView } from './column-view';
export { channelView } from './channel-view';
