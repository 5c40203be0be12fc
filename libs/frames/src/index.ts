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
  ChunkedObservableConfig,
  Progress,
} from './chunked-observable';
export { decimate } from './decimate';
export { timeAverage } from './time-average';
export type { TimeAverageConfig } from './time-average';
export { ensembleMean } from './ensemble-mean';
export type { EnsembleMeanConfig } from './ensemble-mean';
