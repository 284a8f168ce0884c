/**
 * Writes a tiny, randomly initialised BERT-shaped model folder that
 * transformers.js loads like any Hugging Face checkpoint exported to ONNX:
 *
 *   config.json            model_type 'bert', hidden_size 16, ...
 *   tokenizer.json         WordPiece (lower-cased, BertPreTokenizer, [CLS] $A [SEP])
 *   tokenizer_config.json
 *   onnx/model.onnx        input_ids / attention_mask / token_type_ids -> last_hidden_state
 *
 * The graph is not a transformer, but its output depends on the tokens, their
 * positions and (through a masked mean over the sequence) their context:
 *   h   = word[input_ids] + pos[0..seq) + type[token_type_ids]
 *   ctx = sum(h * mask, seq) / sum(mask, seq)
 *   out = tanh((h + 0.5 * ctx) @ W + b)
 * Weights come from a seeded PRNG, so a folder is identical for a seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { onnx } from 'onnx-proto';
import { Prng } from '../../src/util/prng';

export const TINY_BERT_HIDDEN = 16;
const MAX_POSITIONS = 64;

/** Whole words, and WordPiece continuation pieces ("shipped" = ship + ##ped, "sneakers" = sneak + ##er + ##s). */
const WORDS = [
  'where', 'is', 'my', 'order', 'track', 'status', 'package', 'ship', 'parcel', 'delivery',
  'show', 'me', 'red', 'blue', 'black', 'sneak', 'jacket', 'boots', 'looking', 'for', 'buy',
  'hi', 'hello', 'hey', 'there', 'good', 'morning', 'return', 'send', 'back', 'want', 'to', 'i',
  'bye', 'goodbye', 'see', 'you', 'later', 'the', 'a', 'it', 'please', 'help', 'can',
  '##ped', '##ping', '##er', '##s', '##ed', '##ing', '?', ',', '.', '#', "'",
];
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
export const TINY_BERT_VOCAB: readonly string[] = [...SPECIAL, ...WORDS];

type Tensor = onnx.ITensorProto;

function floatTensor(name: string, dims: number[], rng: Prng, scale: number): Tensor {
  const size = dims.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: size }, () => rng.normal() * scale);
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: values };
}

function int64Tensor(name: string, values: number[], dims: number[] = [values.length]): Tensor {
  return { name, dims, dataType: onnx.TensorProto.DataType.INT64, int64Data: values };
}

function scalarFloat(name: string, value: number): Tensor {
  return { name, dims: [], dataType: onnx.TensorProto.DataType.FLOAT, floatData: [value] };
}

function valueInfo(name: string, elemType: number, dims: (string | number)[]): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

function node(opType: string, inputs: string[], outputs: string[], attribute: onnx.IAttributeProto[] = []): onnx.INodeProto {
  return { opType, input: inputs, output: outputs, name: `${opType}_${outputs[0]}`, attribute };
}

function buildOnnx(seed: number): Uint8Array {
  const rng = new Prng(seed);
  const H = TINY_BERT_HIDDEN;
  const INT64 = onnx.TensorProto.DataType.INT64;
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const initializer: Tensor[] = [
    floatTensor('word_embeddings', [TINY_BERT_VOCAB.length, H], rng, 1),
    floatTensor('position_embeddings', [MAX_POSITIONS, H], rng, 0.1),
    floatTensor('token_type_embeddings', [2, H], rng, 0.1),
    floatTensor('dense_weight', [H, H], rng, 1 / Math.sqrt(H)),
    floatTensor('dense_bias', [H], rng, 0.1),
    int64Tensor('axis_seq', [1]),
    int64Tensor('axis_last', [-1]),
    int64Tensor('zero', [0], []),
    int64Tensor('one', [1], []),
    scalarFloat('half', 0.5),
  ];
  const nodes = [
    node('Gather', ['word_embeddings', 'input_ids'], ['words'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
    node('Gather', ['token_type_embeddings', 'token_type_ids'], ['types'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
    node('Shape', ['input_ids'], ['ids_shape']),
    node('Gather', ['ids_shape', 'one'], ['seq_len'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
    node('Range', ['zero', 'seq_len', 'one'], ['positions']),
    node('Gather', ['position_embeddings', 'positions'], ['pos'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
    node('Add', ['words', 'pos'], ['h1']),
    node('Add', ['h1', 'types'], ['h']),
    node('Cast', ['attention_mask'], ['mask_f'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]),
    node('Unsqueeze', ['mask_f', 'axis_last'], ['mask3']),
    node('Mul', ['h', 'mask3'], ['h_masked']),
    node('ReduceSum', ['h_masked', 'axis_seq'], ['h_sum'], [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 1 }]),
    node('ReduceSum', ['mask3', 'axis_seq'], ['count'], [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 1 }]),
    node('Div', ['h_sum', 'count'], ['ctx']),
    node('Mul', ['ctx', 'half'], ['ctx_half']),
    node('Add', ['h', 'ctx_half'], ['h_ctx']),
    node('MatMul', ['h_ctx', 'dense_weight'], ['projected']),
    node('Add', ['projected', 'dense_bias'], ['biased']),
    node('Tanh', ['biased'], ['last_hidden_state']),
  ];
  const model: onnx.IModelProto = {
    irVersion: 7,
    producerName: 'shopdesk-tiny-bert',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny_bert',
      node: nodes,
      initializer,
      input: [
        valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']),
        valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length']),
        valueInfo('token_type_ids', INT64, ['batch_size', 'sequence_length']),
      ],
      output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', H])],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

function tokenizerJson(): unknown {
  const vocab = Object.fromEntries(TINY_BERT_VOCAB.map((token, id) => [token, id]));
  const id = (token: string): number => TINY_BERT_VOCAB.indexOf(token);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content) => ({ id: id(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

/** Writes the model folder into `dir` (created if needed) and returns `dir`. */
export function writeTinyBert(dir: string, seed = 1234): string {
  fs.mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  const config = {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: TINY_BERT_HIDDEN,
    num_attention_heads: 2,
    num_hidden_layers: 1,
    intermediate_size: 32,
    vocab_size: TINY_BERT_VOCAB.length,
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: 2,
    hidden_act: 'gelu',
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: MAX_POSITIONS,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  };
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config, null, 2));
  fs.writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(), null, 2));
  fs.writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2));
  fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), buildOnnx(seed));
  return dir;
}

const TYPED_ARRAYS = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
] as const;

/**
 * Jest runs each test file in a vm context with its own typed-array constructors,
 * but onnxruntime-node's native binding creates its output arrays in Node's main
 * realm, and onnxruntime-common then rejects them ("A float32 tensor's data must
 * be type of function Float32Array()": huggingface/transformers.js#57,
 * jestjs/jest#11864). Plain `node` has one realm and no such problem. Call this at
 * the top of a test file, before transformers.js is first loaded, so the file
 * uses the main realm's constructors throughout.
 */
export function useMainRealmTypedArrays(): void {
  const main = vm.runInThisContext(`({ ${TYPED_ARRAYS.join(', ')} })`) as Record<string, unknown>;
  const global = globalThis as unknown as Record<string, unknown>;
  for (const name of TYPED_ARRAYS) global[name] = main[name];
}
