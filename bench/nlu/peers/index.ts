/** The peers the harness knows, by CLI name. */
import type { Peer } from '../types';
import { createNaturalLrPeer } from './natural-lr';
import { createNodeNlpPeer } from './node-nlp';
import { createOursPeer } from './ours';
import { createTfidfLinearPeer } from './tfidf-linear';

export const PEER_FACTORIES = {
  ours: createOursPeer,
  'tfidf-linear': () => createTfidfLinearPeer(),
  'node-nlp': createNodeNlpPeer,
  'natural-lr': createNaturalLrPeer,
} as const satisfies Record<string, () => Peer>;

export type PeerName = keyof typeof PEER_FACTORIES;
export const PEER_NAMES = Object.keys(PEER_FACTORIES) as PeerName[];

export function isPeerName(name: string): name is PeerName {
  return Object.prototype.hasOwnProperty.call(PEER_FACTORIES, name);
}
