/**
 * What making a joint declaration needs beyond its records: the PDF renderer (pdf-lib, the fonts),
 * the seal and its own check. generate-joint-declaration.ts loads it the first time a request
 * renders, so that its function starts without evaluating it: a request for a declaration whose
 * joint declaration is already made, or one that is refused, needs none of it.
 */
export { renderJointDeclaration } from '../pdf/joint-declaration';
export { sealPdf } from '../pdf/seal';
export { loadSealSigner } from '../seal/seal-signer';
export { configuredTimestamps } from '../seal/timestamp-source';
export { assertOwnSealVerifies } from './check-own-seal';
