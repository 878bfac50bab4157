import { isEmailFor, signingLinkIn, type CampaignClient, type OperatorOptions, type OperatorSession } from '../../tools/campaign/campaign-client';
import type { CreateDeclarationInput } from '../../functions/domain/declaration';
import type { InvitationInput } from '../../functions/domain/commitment';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from './campaign';
import { stackLog } from './local-stack';

/** Steps of the operator's side that the signing tests share. */

export interface InvitedOperator {
  readonly campaign: CampaignClient;
  readonly admin: string;
  readonly declarationId: string;
  readonly commitmentId: string;
  readonly email: string;
  readonly link: string;
  readonly operator: OperatorSession;
}

/** A fresh declaration, one organisation invited, its invitation's link, and an operator ready to open it. */
export async function invitedOperator(options: {
  organisation?: Partial<InvitationInput['organisation']>;
  language?: string;
  declaration?: Partial<CreateDeclarationInput>;
  operator?: OperatorOptions;
} = {}): Promise<InvitedOperator> {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const declaration = await campaign.createDeclaration(admin, { ...sampleDeclaration(), ...options.declaration });
  const email = options.organisation?.email ?? uniqueAddress();
  const invited = await campaign.invite(admin, declaration.id, [invitation(email, options.organisation, options.language ?? 'el')]);
  const [mail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
  const link = signingLinkIn(mail!);
  return { campaign, admin, declarationId: declaration.id, commitmentId: invited.results[0]!.commitmentId, email, link, operator: campaign.operator(link, { recipient: email, ...options.operator }) };
}

/** Continue and the emailed code: the signing form is open afterwards. */
export async function openForm(operator: OperatorSession): Promise<void> {
  const opened = await operator.open();
  if (opened.status !== 303) throw new Error(`Continue answered ${opened.status}: ${(await opened.text()).slice(0, 300)}`);
  const refused = await operator.confirmCode();
  if (refused) throw new Error(`the code step answered ${refused.status}: ${(await refused.text()).slice(0, 300)}`);
}

/** The JSON log lines of the handlers. */
export function logLines(): Record<string, unknown>[] {
  return stackLog()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** A loopback address of its own (Linux routes all of 127/8 to this machine), so that a test is a client apart for the rate limits. */
export function ownLoopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `127.${byte()}.${byte()}.${byte()}`;
}

