/** Worker-thread side of sparse-fitter.ts: runs the fit jobs it is sent, one at a time, in order. */
import { parentPort } from 'node:worker_threads';
import { runSparseFitJob, type SparseFitJob, type SparseFitReply } from './sparse-fitter';

if (!parentPort) throw new Error('sparse-fit-worker runs only as a worker thread');
const port = parentPort;
port.on('message', ({ id, job }: { id: number; job: SparseFitJob }) => {
  let reply: SparseFitReply;
  try {
    reply = { id, weights: runSparseFitJob(job) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  // Moved, not copied: the arrays are the worker's to give away.
  port.postMessage(reply, 'weights' in reply ? [...new Set([...reply.weights.values()].map((array) => array.buffer as ArrayBuffer))] : []);
});
