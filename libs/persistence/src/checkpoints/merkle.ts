import { hash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 6962 §2.1: a leaf's hash, SHA-256(0x00 ‖ leaf bytes). */
export function leafHash(leaf: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, leaf]), 'buffer');
}

/** RFC 6962 §2.1: an interior node's hash, SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}

/**
 * RFC 6962's Merkle Tree Hash over leaf hashes in order: SHA-256 of nothing for no leaves, the leaf hash for one, else
 * the node hash of the tree over the first k leaves and the tree over the rest, k the largest power of two below n.
 */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Buffer {
  if (leafHashes.length === 0) return hash('sha256', Buffer.alloc(0), 'buffer');
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

function subtreeRoot(leafHashes: readonly Uint8Array[], start: number, end: number): Buffer {
  const size = end - start;
  if (size === 1) return Buffer.from(leafHashes[start] ?? Buffer.alloc(0));
  const split = 1 << (31 - Math.clz32(size - 1));
  return nodeHash(subtreeRoot(leafHashes, start, start + split), subtreeRoot(leafHashes, start + split, end));
}
