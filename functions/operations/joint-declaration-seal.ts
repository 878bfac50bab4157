/**
 * The seal of the joint declaration and its own check, which generate-joint-declaration.ts loads
 * when a request makes one (with the renderer), so that its function starts without evaluating
 * them: a request for a declaration whose joint declaration is already made, or one that is
 * refused, needs neither.
 */
export { sealPdf } from '../pdf/seal';
export { sealDetails } from '../pdf/seal-details';
export { sealSubjectName } from '../pdf/seal-panel';
export { loadSealSigner } from '../seal/seal-signer';
export { configuredTimestamps } from '../seal/timestamp-source';
export { assertOwnSealVerifies } from './check-own-seal';
