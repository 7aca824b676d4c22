import { parentPort, workerData } from 'node:worker_threads';
import { buildMany } from './buildMany.ts';
import { generateFilings } from './generateFilings.ts';

const { count, offset } = workerData as { count: number; offset: number };
const filings = generateFilings(offset + count).slice(offset);
const result = await buildMany(filings);
parentPort!.postMessage(result);
