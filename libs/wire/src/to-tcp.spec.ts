import { fromTcp } from './from-tcp';
import { transportChecks } from './test-support/transport-checks';
import { toTcp } from './to-tcp';

transportChecks('toTcp / fromTcp', 'tcp', toTcp, fromTcp);
