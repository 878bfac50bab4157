import { mapWithConcurrency } from '../../functions/operations/concurrency';
import { CampaignClient, isEmailFor, signingLinkIn, waitFor } from './campaign-client';
import { campaignSignatories } from './demo-signatories';
import { MailboxWatcher } from './mailbox-watcher';
import { sampleDeclaration } from './sample-declaration';

/** How long the runner waits for the workflow to settle before it looks at the status anyway. */
const STATUS_INTERVAL_MS = 10_000;

export interface CampaignRun {
  readonly declarationId: string;
  readonly signatories: number;
  readonly deliveredIds: readonly string[];
  readonly byState: Readonly<Record<string, number>>;
  /** Wall time from creating the declaration to the last delivery. */
  readonly seconds: number;
  /** The operator's sign POST, per signatory, in ms. */
  readonly signLatenciesMs: readonly number[];
  /** The operator's whole visit (landing, Continue, one-time code from the mailbox, sign), in ms. */
  readonly operatorFlowsMs: readonly number[];
  /** Status requests the runner made while waiting: not part of a real campaign's cost. */
  readonly statusPolls: number;
  /** Wall time of each phase, in order: where a campaign spends its time, and where the machine waits. */
  readonly phaseSeconds: {
    /** Creating the declaration and inviting everyone (the invitations are emailed meanwhile and after). */
    readonly inviting: number;
    /** From the invitations to the last Sign POST. */
    readonly signing: number;
    /** Until every signature is verified and the workflow idle. */
    readonly verifying: number;
    /** The bulk countersignature's requests. */
    readonly countersigning: number;
    /** Until every commitment is sealed and delivered. */
    readonly sealingAndDelivering: number;
  };
}

export interface CampaignOptions {
  readonly appUrl: string;
  readonly mailboxUrl: string;
  readonly signatories: number;
  /** Operators signing at the same time. */
  readonly concurrency: number;
  /** The declaration's one-time code setting. @default true, as the product's default */
  readonly oneTimeCode?: boolean;
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

/**
 * One whole campaign through the HTTP API and the mailbox, as people would run it: an admin
 * creates the declaration and invites everyone, each operator opens their emailed link and signs,
 * the admin countersigns all verified commitments, and the workflow seals and delivers.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignRun> {
  const client = new CampaignClient(options.appUrl, options.mailboxUrl);
  const report = options.onProgress ?? (() => undefined);
  const total = options.signatories;
  const mailbox = new MailboxWatcher(options.mailboxUrl);
  const admin = await client.token('commission-admin');
  const started = performance.now();
  let phaseStarted = started;
  const phaseEnds = (): number => {
    const now = performance.now();
    const seconds = (now - phaseStarted) / 1000;
    phaseStarted = now;
    return seconds;
  };
  try {
    const declaration = await client.createDeclaration(admin, { ...sampleDeclaration(), oneTimeCode: options.oneTimeCode ?? true });
    const people = campaignSignatories(total, Date.now().toString(36));
    for (let offset = 0; offset < people.length; offset += 500) {
      const batch = people.slice(offset, offset + 500);
      await client.invite(admin, declaration.id, batch.map((person) => person.invitation));
      report('Inviting', Math.min(offset + 500, total), total);
    }
    const inviting = phaseEnds();

    const signLatenciesMs: number[] = [];
    const operatorFlowsMs: number[] = [];
    await mapWithConcurrency(people, options.concurrency, async ({ signatory }) => {
      const invitation = await mailbox.next(signatory.email, isEmailFor('invitation'), 300_000);
      const flowStarted = performance.now();
      const operator = client.operator(signingLinkIn(invitation), {
        recipient: signatory.email,
        codeEmail: () => mailbox.next(signatory.email, isEmailFor('one-time-code'), 60_000),
      });
      const refused = await client.openWithCode(operator);
      if (refused) throw new Error(`opening the link of ${signatory.organisation} answered ${refused.status}`);
      // The figure that matters to the operator: the Sign button's POST.
      const signStarted = performance.now();
      const response = await operator.sign({ name: signatory.contact, title: signatory.function });
      signLatenciesMs.push(performance.now() - signStarted);
      operatorFlowsMs.push(performance.now() - flowStarted);
      if (response.status !== 200) throw new Error(`signing for ${signatory.organisation} answered ${response.status}`);
      report('Signing', signLatenciesMs.length, total);
    });
    const signing = phaseEnds();

    let statusPolls = 0;
    // Each look at the status lists every commitment, work for the stack and DynamoDB Local that grows
    // with the campaign: look once the workflow has settled, or every few seconds for the progress bar.
    const settled = (phase: string, waitingStates: readonly string[]) => async () => {
      await client.workflowIdle(STATUS_INTERVAL_MS);
      statusPolls += 1;
      const status = await client.status(admin, declaration.id);
      const done = status.commitments.filter((commitment) => !waitingStates.includes(commitment.state)).length;
      report(phase, done, total);
      return done === total ? status : undefined;
    };
    await waitFor(settled('Verifying', ['INVITED', 'SIGNED']), 600_000, 'verification of every signature', 0);
    const verifying = phaseEnds();
    await client.countersignAllVerified(admin, declaration.id);
    const countersigning = phaseEnds();
    const final = await waitFor(settled('Sealing and delivering', ['VERIFIED', 'COUNTERSIGNED', 'SEALED']), 1_800_000, 'sealing and delivery', 0);
    const sealingAndDelivering = phaseEnds();
    return {
      declarationId: declaration.id,
      signatories: total,
      deliveredIds: final.commitments.filter((commitment) => commitment.state === 'DELIVERED').map((commitment) => commitment.id),
      byState: final.byState,
      seconds: (performance.now() - started) / 1000,
      signLatenciesMs,
      operatorFlowsMs,
      statusPolls,
      phaseSeconds: { inviting, signing, verifying, countersigning, sealingAndDelivering },
    };
  } finally {
    mailbox.stop();
  }
}
