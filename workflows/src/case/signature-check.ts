import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/curves/utils.js';

/**
 * Whether an Ed25519 signature (hex) over a text verifies with a public key (hex). Stateless, so the worker's sandbox
 * evaluates it once and shares it across the cases it loads (SHARED_WORKFLOW_MODULES, libs/temporal): the curve's
 * precomputed tables are then built once, not for every case.
 */
export function ed25519Verifies(signatureHex: string, text: string, publicKeyHex: string): boolean {
  return ed25519.verify(hexToBytes(signatureHex), new TextEncoder().encode(text), hexToBytes(publicKeyHex));
}
