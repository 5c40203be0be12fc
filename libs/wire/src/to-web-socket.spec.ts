import { fromWebSocket } from './from-web-socket';
import { transportChecks } from './test-support/transport-checks';
import { toWebSocket } from './to-web-socket';

transportChecks('toWebSocket / fromWebSocket', 'ws', toWebSocket, fromWebSocket);
