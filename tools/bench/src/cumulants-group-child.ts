// One grouped derivation in a fresh process (so that its peak memory is its own), for
// `npm run bench:cumulants`: `tsx cumulants-group-child.ts <nonreciprocal|laser> <order>` prints
// the run as one line of JSON.
import { benchGroupDerivation, type CumulantGroupModel } from './cumulants-group-bench';

const [model, order] = process.argv.slice(2);
process.stdout.write(`${JSON.stringify(benchGroupDerivation({ model: model as CumulantGroupModel, order: Number(order) }))}\n`);
