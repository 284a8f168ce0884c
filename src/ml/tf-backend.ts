/**
 * Picks the fastest TensorFlow.js backend available at run time and reports
 * it: tfjs-node-gpu, then tfjs-node (optional: only when the user installed
 * them), else WebAssembly (SIMD), else plain JavaScript. Shared by every
 * trainable component (NLU, sentiment, recommendations).
 */
import * as tf from '@tensorflow/tfjs';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

let chosen: Promise<BackendName> | undefined;

function tryRequire(name: string): boolean {
  try {
    require(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wasm backend has no UnsortedSegmentSum kernel, which the gradient of
 * `gather` (our embedding lookups) needs. It is a scatter-add, so it is
 * registered here on top of the wasm ScatterNd kernel (which sums duplicates).
 */
function registerWasmSegmentSum(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
  const scatter = tf.getKernel('ScatterNd', 'wasm');
  const reshape = tf.getKernel('Reshape', 'wasm');
  if (!scatter || !reshape) return;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const { numSegments } = attrs as unknown as { numSegments: number };
      const indices = reshape.kernelFunc({ inputs: { x: segmentIds }, backend, attrs: { shape: [segmentIds.shape[0] ?? 0, 1] } }) as tf.TensorInfo;
      const out = scatter.kernelFunc({ inputs: { indices, updates: x }, backend, attrs: { shape: [numSegments, ...x.shape.slice(1)] } }) as tf.TensorInfo;
      (backend as unknown as { disposeData(id: object): void }).disposeData(indices.dataId);
      return out;
    },
  });
}

async function pick(preferred?: BackendName): Promise<BackendName> {
  const order: BackendName[] = preferred ? [preferred] : ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    if (name === 'tensorflow-gpu' && tryRequire('@tensorflow/tfjs-node-gpu') && (await tf.setBackend('tensorflow'))) return name;
    if (name === 'tensorflow' && tryRequire('@tensorflow/tfjs-node') && (await tf.setBackend('tensorflow'))) return name;
    if (name === 'wasm') {
      require('@tensorflow/tfjs-backend-wasm');
      if (await tf.setBackend('wasm').catch(() => false)) {
        registerWasmSegmentSum();
        return name;
      }
    }
    if (name === 'cpu' && (await tf.setBackend('cpu'))) return name;
  }
  throw new Error(`No TensorFlow.js backend could be started (tried ${order.join(', ')})`);
}

/**
 * Initialises TensorFlow.js once per process and returns the backend in use.
 * SHOPDESK_TF_BACKEND (wasm | cpu | tensorflow | tensorflow-gpu) forces one.
 */
export function initTensorflow(preferred = process.env.SHOPDESK_TF_BACKEND as BackendName | undefined): Promise<BackendName> {
  chosen ??= pick(preferred || undefined);
  return chosen;
}

export { tf };
