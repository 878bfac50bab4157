import { parkWait } from './park-wait';
import { sendSigningLink } from './send-signing-link';

export interface AwaitSignatureOptions {
  readonly commitmentId: string;
  /** The workflow's task token for this wait. */
  readonly taskToken: string;
  /** 0 for the invitation, then one more for each reminder. */
  readonly remindersSent: number;
  /** The round of invitation the execution runs; absent in executions started before rounds existed. */
  readonly round?: number;
}

/**
 * The workflow waits for the signature: its token is parked, and while the organisation has not
 * acted yet, the invitation (or the next reminder) is emailed with a fresh link.
 */
export async function awaitSignature(options: AwaitSignatureOptions): Promise<{ waiting: boolean }> {
  const { waiting, commitment } = await parkWait(options.commitmentId, 'signature', options.taskToken, options.round, true);
  if (waiting) await sendSigningLink(commitment, options.remindersSent);
  return { waiting };
}
