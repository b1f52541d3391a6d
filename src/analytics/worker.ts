/**
 * The analytics module worker: summarises big files off the page's main thread.
 *
 * ```js
 * // from a module in dist/ (e.g. the dashboard); serve it from the page's own origin
 * const worker = new Worker(new URL('./analytics/worker.js', import.meta.url), { type: 'module' });
 * worker.postMessage({ type: 'summarize', file, options: { groupBy: ['unit'], period: 'month' } });
 * worker.onmessage = ({ data }) => { if (data.type === 'done') render(report(data.summary)); };
 * ```
 * Messages are described in `worker-protocol.ts` (`WorkerRequest`, `WorkerResponse`): a whole
 * file (`summarize`), or a file in pieces (`open`, `piece`…, `close`; see `pieces.ts`).
 */
import { createMessageHandler, type WorkerResponse } from './worker-protocol.js';

/** The bits of a worker's global scope used here (typed without the WebWorker lib). */
interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createMessageHandler();
scope.onmessage = (event) => {
  void handle(event.data, (response) => scope.postMessage(response));
};
