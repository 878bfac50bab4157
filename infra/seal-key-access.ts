/**
 * Who may seal with the KMS key: the sealing functions' roles, named here so that the stateful
 * stack's key policy can name them before the stateless stack creates them (a key policy may not
 * refer to a resource of a stack deployed after it). The key policy admits them by
 * `aws:PrincipalArn` and denies `kms:Sign` to every other principal, so that no IAM policy in the
 * account can grant signing with the key.
 */
import { FUNCTIONS, type FunctionId } from '../functions/catalog';

/** The one algorithm the seal uses with its RSA key (functions/seal/signer.ts). */
export const SEAL_SIGNING_ALGORITHM = 'RSASSA_PKCS1_V1_5_SHA_256';

/** The functions whose catalog entry needs the seal key. */
export function sealingFunctionIds(): FunctionId[] {
  return (Object.keys(FUNCTIONS) as FunctionId[]).filter((id) => FUNCTIONS[id].needs.sealKey);
}

/** The fixed IAM role name of a sealing function (at most 64 characters, as IAM allows). */
export function sealingRoleName(statelessStackName: string, functionId: FunctionId): string {
  const name = `${statelessStackName}-${functionId}`;
  if (name.length > 64) throw new Error(`the role name ${name} is longer than IAM's 64 characters: choose a shorter stack name prefix`);
  return name;
}
