/**
 * Contextual token features from a Hugging Face encoder (BERT, MiniLM,
 * DistilBERT... exported to ONNX, as on the Hub's `onnx/` folders), run with
 * transformers.js. Each of our word tokens gets the mean of the encoder's last
 * hidden state over its subword pieces.
 *
 * Running the encoder is asynchronous and the featurizer is not, so the work is
 * split: `prepare(texts)` runs the encoder (batched) and caches the vectors of
 * each text (bounded LRU); `encode(tokens)` is then a synchronous cache read,
 * and throws for a text that was not prepared (use NluModel.parseAsync).
 *
 * Alignment: the transformers.js tokenizer reports no character offsets, so
 * each of our tokens is word-piece tokenised on its own ("shipped" -> ship,
 * ##ped) and the encoder input is [prefix specials] + all pieces + [suffix
 * specials]. For WordPiece models this is exactly the sequence the tokenizer
 * gives for the whole text (BERT pre-tokenisation splits on the same spaces and
 * punctuation); for byte-level BPE / SentencePiece models a token that followed
 * whitespace is encoded with its leading space, as in running text.
 *
 * Runtime (checked with @huggingface/transformers 4.3.1, onnxruntime-node 1.30,
 * Node 20, linux x64): the Node build of transformers.js runs models with
 * onnxruntime-node on CPU. `onnxruntime-node-install=skip` in .npmrc only skips
 * that package's postinstall download of the CUDA/TensorRT providers; the CPU
 * binding (bin/napi-v6/<os>/<arch>/onnxruntime_binding.node with
 * libonnxruntime.so) ships inside the npm tarball (linux x64/arm64, darwin
 * arm64, win32 x64/arm64), so it works as installed. There is no WebAssembly fallback to switch
 * to through `env`: the Node build require()s onnxruntime-node when it is
 * loaded, and registering onnxruntime-web as `globalThis[Symbol.for('onnxruntime')]`
 * leaves it with no usable device in Node ('Unsupported device: "cpu"'). So a
 * platform without the native binding cannot use hfEncoder (word vectors still
 * work). Under Jest, see test/helpers/tiny-bert.ts (useMainRealmTypedArrays).
 * The library is imported lazily, so none of this is loaded unless a model
 * config names an `hfEncoder`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tokenize, type Token } from '../tokenizer';
import type { DenseTokenFeatures } from './word-vectors';

export interface HfEncoderOptions {
  /**
   * May transformers.js download a model id from the Hugging Face Hub? Default: the
   * SHOPDESK_HF_ALLOW_REMOTE environment variable ('false'/'0'/'no' forbid), else true.
   * Local folders never need the network.
   */
  allowRemote?: boolean;
  /** Word tokens kept per text, as the featurizer keeps them (model config maxTokens - 1). Default 255. */
  maxTokens?: number;
  /** Texts per encoder call in prepare(). Default 32. */
  batchSize?: number;
  /** Texts whose vectors are cached (least recently used are dropped). Default 5,000. */
  cacheSize?: number;
  /** Folder tried first for relative names (a model folder dropped there is used as is). */
  modelsRoot?: string;
}

/** The parts of the transformers.js feature-extraction pipeline used here (its own typings are very wide). */
interface HfTensor {
  dims: number[];
  data: ArrayLike<number>;
}
interface HfTokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): number[];
  pad_token_id?: number | null;
  model_max_length?: number;
}
interface HfModel {
  config: Record<string, unknown>;
  (inputs: Record<string, HfTensor>): Promise<Record<string, HfTensor | undefined>>;
}
interface HfPipeline {
  tokenizer: HfTokenizer;
  model: HfModel;
  dispose(): Promise<unknown>;
}
type HfLibrary = typeof import('@huggingface/transformers');

const DEFAULTS = { maxTokens: 255, batchSize: 32, cacheSize: 5000 };
/** Encoders with absolute position embeddings; longer inputs are cut (tokens past the end get zeros). */
const MAX_SEQUENCE = 512;

export function hfRemoteAllowedByEnv(): boolean {
  const value = process.env.SHOPDESK_HF_ALLOW_REMOTE?.trim().toLowerCase();
  return !(value === 'false' || value === '0' || value === 'no');
}

/**
 * Where transformers.js should look: an absolute folder is used as is (transformers.js
 * reads any path that is not a Hub-style "org/name" id straight from disk); a relative
 * name that exists under `modelsRoot` becomes that absolute folder; anything else is a
 * Hub model id (looked up in env.localModelPath, then downloaded if allowed).
 */
export function resolveHfSource(nameOrPath: string, modelsRoot?: string): { source: string; local: boolean } {
  if (path.isAbsolute(nameOrPath)) {
    if (!fs.existsSync(path.join(nameOrPath, 'config.json'))) {
      throw new Error(`Hugging Face encoder folder ${nameOrPath} has no config.json (expected a transformers.js model folder: config.json, tokenizer.json, onnx/model.onnx)`);
    }
    return { source: nameOrPath, local: true };
  }
  if (modelsRoot) {
    const candidate = path.resolve(modelsRoot, nameOrPath);
    if (fs.existsSync(path.join(candidate, 'config.json'))) return { source: candidate, local: true };
  }
  return { source: nameOrPath, local: false };
}

function tensorOf(hf: HfLibrary, values: number[], dims: number[]): HfTensor {
  return new hf.Tensor('int64', BigInt64Array.from(values, (v) => BigInt(v)), dims) as unknown as HfTensor;
}

/** Bounded map that forgets the least recently used entries. */
class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

/** Does token i follow whitespace (then BPE-style tokenizers see " word")? */
function spaceBefore(tokens: readonly Token[], i: number): boolean {
  return i > 0 && tokens[i]!.start > tokens[i - 1]!.end;
}

/** Cache key of a token sequence: what the encoder sees (texts and spacing), not offsets. */
function tokensKey(tokens: readonly Token[]): string {
  return tokens.map((t, i) => (spaceBefore(tokens, i) ? ' ' : '') + t.text).join('\u0000');
}

export class HfEncoderFeatures implements DenseTokenFeatures {
  private readonly cache: LruCache<Float32Array>;
  private readonly pieces = new Map<string, number[]>();
  private readonly maxTokens: number;
  private readonly batchSize: number;
  private readonly maxSequence: number;
  private readonly padId: number;

  private constructor(
    /** The model id or folder it was loaded from. */
    readonly source: string,
    readonly dim: number,
    private readonly hf: HfLibrary,
    private readonly pipe: HfPipeline,
    /** Special token ids around the pieces, e.g. [CLS] ... [SEP]. */
    private readonly prefix: number[],
    private readonly suffix: number[],
    options: HfEncoderOptions,
  ) {
    this.maxTokens = options.maxTokens ?? DEFAULTS.maxTokens;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULTS.batchSize);
    this.cache = new LruCache(Math.max(1, options.cacheSize ?? DEFAULTS.cacheSize));
    const positions = Number(pipe.model.config.max_position_embeddings ?? MAX_SEQUENCE);
    const tokenizerMax = Number(pipe.tokenizer.model_max_length ?? MAX_SEQUENCE);
    this.maxSequence = Math.max(prefix.length + suffix.length + 1, Math.min(MAX_SEQUENCE, positions || MAX_SEQUENCE, tokenizerMax || MAX_SEQUENCE));
    this.padId = pipe.tokenizer.pad_token_id ?? 0;
  }

  /** Loads the tokenizer and ONNX model (`onnx/model.onnx`) of a model id or local folder. */
  static async load(nameOrPath: string, options: HfEncoderOptions = {}): Promise<HfEncoderFeatures> {
    const { source, local } = resolveHfSource(nameOrPath, options.modelsRoot);
    const hf = await import('@huggingface/transformers');
    hf.env.allowLocalModels = true;
    hf.env.allowRemoteModels = options.allowRemote ?? hfRemoteAllowedByEnv();
    let pipe: HfPipeline;
    try {
      pipe = (await hf.pipeline('feature-extraction', source)) as unknown as HfPipeline;
    } catch (error) {
      const hint = local || hf.env.allowRemoteModels ? '' : ' (downloads are off: set SHOPDESK_HF_ALLOW_REMOTE=true, or point hfEncoder at a local folder)';
      throw new Error(`Could not load the Hugging Face encoder "${nameOrPath}"${hint}: ${(error as Error).message}`, { cause: error });
    }
    const config = pipe.model.config;
    const dim = Number(config.hidden_size ?? config.d_model ?? config.dim);
    if (!Number.isInteger(dim) || dim <= 0) {
      await pipe.dispose();
      throw new Error(`Hugging Face encoder "${nameOrPath}": config.json has no hidden_size`);
    }
    // Where the tokenizer puts its special tokens around a text.
    const plain = pipe.tokenizer.encode('hello', { add_special_tokens: false });
    const full = pipe.tokenizer.encode('hello', { add_special_tokens: true });
    let at = -1;
    for (let p = 0; p + plain.length <= full.length && at < 0; p++) {
      if (plain.every((id, k) => full[p + k] === id)) at = p;
    }
    const prefix = at >= 0 ? full.slice(0, at) : [];
    const suffix = at >= 0 ? full.slice(at + plain.length) : [];
    return new HfEncoderFeatures(nameOrPath, dim, hf, pipe, prefix, suffix, options);
  }

  /**
   * Runs the encoder over the texts not cached yet (batched), so encode() can serve
   * them. Texts already cached become the most recently used, so all of `texts`
   * stay cached as long as there are no more of them than the cache size.
   */
  async prepare(texts: readonly string[]): Promise<void> {
    const todo = new Map<string, Token[]>();
    for (const text of texts) {
      const tokens = tokenize(text).slice(0, this.maxTokens);
      if (tokens.length === 0) continue;
      const key = tokensKey(tokens);
      if (this.cache.get(key) === undefined && !todo.has(key)) todo.set(key, tokens);
    }
    // Similar lengths together: less padding.
    const items = [...todo.entries()].map(([key, tokens]) => ({ key, tokens, pieces: tokens.map((t, i) => this.wordPieces(t, spaceBefore(tokens, i))) }));
    items.sort((a, b) => count(a.pieces) - count(b.pieces));
    for (let i = 0; i < items.length; i += this.batchSize) {
      const batch = items.slice(i, i + this.batchSize);
      const vectors = await this.run(batch.map((item) => item.pieces));
      batch.forEach((item, b) => this.cache.set(item.key, vectors[b]!));
    }
  }

  encode(tokens: readonly Token[]): Float32Array {
    if (tokens.length === 0) return new Float32Array(0);
    const cached = this.cache.get(tokensKey(tokens));
    if (!cached) {
      const text = tokens.map((t) => t.text).join(' ');
      throw new Error(
        `Hugging Face encoder features for "${text.length > 60 ? `${text.slice(0, 57)}...` : text}" were not prepared: ` +
          'call prepare() first (use NluModel.parseAsync / parseBatchAsync instead of parse for models with an hfEncoder)',
      );
    }
    return cached.slice();
  }

  /** Texts currently cached. */
  get cachedTexts(): number {
    return this.cache.size;
  }

  clearCache(): void {
    this.cache.clear();
  }

  async dispose(): Promise<void> {
    this.cache.clear();
    await this.pipe.dispose();
  }

  private wordPieces(token: Token, afterSpace: boolean): number[] {
    const input = afterSpace ? ` ${token.text}` : token.text;
    let ids = this.pieces.get(input);
    if (!ids) {
      ids = this.pipe.tokenizer.encode(input, { add_special_tokens: false });
      if (this.pieces.size >= 50_000) this.pieces.clear();
      this.pieces.set(input, ids);
    }
    return ids;
  }

  /** One encoder call: per text, [tokens * dim] means of the pieces' last hidden states. */
  private async run(batch: number[][][]): Promise<Float32Array[]> {
    const room = this.maxSequence - this.prefix.length - this.suffix.length;
    // Per text: the sequence fed to the model and, per token, its [first, end) piece positions.
    const layouts = batch.map((words) => {
      const ids = [...this.prefix];
      const spans = words.map((pieces) => {
        const first = ids.length;
        const fits = pieces.slice(0, Math.max(0, room - (ids.length - this.prefix.length)));
        ids.push(...fits);
        return [first, ids.length] as const;
      });
      ids.push(...this.suffix);
      return { ids, spans };
    });
    const length = Math.max(...layouts.map((l) => l.ids.length));
    const inputIds: number[] = [];
    const mask: number[] = [];
    for (const { ids } of layouts) {
      for (let t = 0; t < length; t++) {
        inputIds.push(t < ids.length ? ids[t]! : this.padId);
        mask.push(t < ids.length ? 1 : 0);
      }
    }
    const dims = [layouts.length, length];
    // token_type_ids, when the graph has that input, are filled with zeros by transformers.js.
    const output = await this.pipe.model({ input_ids: tensorOf(this.hf, inputIds, dims), attention_mask: tensorOf(this.hf, mask, dims) });
    const hidden = output.last_hidden_state ?? output.token_embeddings;
    if (!hidden) throw new Error(`Hugging Face encoder "${this.source}" returned no last_hidden_state (outputs: ${Object.keys(output).join(', ')})`);
    const [, seq, dim] = hidden.dims;
    if (dim !== this.dim || seq !== length) throw new Error(`Hugging Face encoder "${this.source}" returned shape [${hidden.dims.join(', ')}], expected [${dims.join(', ')}, ${this.dim}]`);
    const data = hidden.data;
    return layouts.map(({ spans }, b) => {
      const out = new Float32Array(spans.length * dim);
      spans.forEach(([first, end], t) => {
        if (end <= first) return; // no pieces (or cut off): zeros
        const scale = 1 / (end - first);
        for (let p = first; p < end; p++) {
          const base = (b * seq + p) * dim;
          for (let j = 0; j < dim; j++) out[t * dim + j]! += Number(data[base + j]) * scale;
        }
      });
      return out;
    });
  }
}

function count(pieces: number[][]): number {
  return pieces.reduce((n, p) => n + p.length, 0);
}
