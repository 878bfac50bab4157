import { describe, expect, it } from 'vitest';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';

type Report = {
  dataRows: number; validRows: number; toInvite: number; refused?: string; fileErrors: string[];
  problems: { line: number; email?: string; reasons: string[] }[];
  alreadyInvited: { line: number; email: string; commitmentId: string }[];
  imported?: { invited: number; alreadyInvited: number; results: { line: number; email: string; status: string; commitmentId: string }[] };
};

const HEADER = 'organisation,category,country,email,contact_name,language,email_domains';
const row = (name: string, email: string, extra = 'customs,GR') => `"${name}",${extra},${email},Αθανάσιος Παπαδόπουλος,el,customs.gr.example`;

async function setUp() {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(`${campaign.appUrl}/api/declarations/${id}/invitation-imports`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, report: (await response.json()) as Report };
  };
  const total = async () => (await campaign.status(admin, id)).total;
  return { campaign, admin, id, post, total };
}

describe('inviting from a CSV file', () => {
  it('reports every bad row with its line and reason, and imports nothing until the file is clean', async () => {
    const { post, total } = await setUp();
    const good = uniqueAddress('good');
    const csv = [HEADER, row('Λιμενικό Σώμα', good), row('No Country', uniqueAddress('bad'), 'customs,Greece'), row('Twice', good), row('Bad Address', 'not-an-address')].join('\n');
    const checked = await post({ csv, mode: 'check' });
    expect(checked.status).toBe(200);
    expect(checked.report).toMatchObject({ dataRows: 4, validRows: 1, toInvite: 1 });
    expect(checked.report.problems.map((problem) => [problem.line, problem.reasons[0]!.split(':')[0]])).toEqual([[3, 'country'], [4, 'email'], [5, 'email']]);
    expect(checked.report.problems[1]!.reasons).toEqual([`email: ${good} is already listed on line 2`]);

    const refused = await post({ csv, mode: 'import' });
    expect(refused.status).toBe(422);
    expect(refused.report.refused).toMatch(/3 row\(s\) have problems; nothing was imported/);
    expect(refused.report.imported).toBeUndefined();
    expect(await total()).toBe(0);

    const partial = await post({ csv, mode: 'import-valid-rows' });
    expect(partial.status).toBe(200);
    expect(partial.report.imported).toMatchObject({ invited: 1, alreadyInvited: 0 });
    expect(partial.report.imported!.results[0]).toMatchObject({ line: 2, email: good, status: 'invited' });
    expect(await total()).toBe(1);
  });

  it('detects addresses already invited and skips them; importing again invites nobody twice', async () => {
    const { campaign, admin, id, post, total } = await setUp();
    const earlier = uniqueAddress('earlier');
    const invited = await campaign.invite(admin, id, [invitation(earlier)]);
    const fresh = uniqueAddress('fresh');
    const csv = [HEADER, row('Earlier', earlier.toUpperCase()), row('Fresh', fresh)].join('\r\n');
    const checked = await post({ csv, mode: 'check' });
    expect(checked.report.alreadyInvited).toEqual([{ line: 2, email: earlier, commitmentId: invited.results[0]!.commitmentId }]);
    expect(checked.report.toInvite).toBe(1);
    const imported = await post({ csv, mode: 'import' });
    expect(imported.report.imported).toMatchObject({ invited: 1 });
    const again = await post({ csv, mode: 'import' });
    expect(again.report).toMatchObject({ toInvite: 0, imported: { invited: 0 } });
    expect(await total()).toBe(2);
  });

  it('imports a file in slices of rows, checking the whole file each time', async () => {
    const { post, total } = await setUp();
    const rows = Array.from({ length: 7 }, (_, index) => row(`Organisation ${index + 1}`, uniqueAddress(`slice${index}`)));
    const csv = [HEADER, ...rows].join('\n');
    const first = await post({ csv, mode: 'import', rows: { from: 1, to: 3 } });
    expect(first.report.imported!.results.map((result) => result.line)).toEqual([2, 3, 4]);
    const rest = await post({ csv, mode: 'import', rows: { from: 4, to: 7 } });
    expect(rest.report.imported!.invited).toBe(4);
    expect(await total()).toBe(7);
  });

  it('refuses a file whose columns are wrong before reading any row', async () => {
    const { post } = await setUp();
    const { status, report } = await post({ csv: 'name,mail\nA,a@b.example\n', mode: 'import-valid-rows' });
    expect(status).toBe(422);
    expect(report.fileErrors).toEqual(expect.arrayContaining([expect.stringMatching(/^Unknown column\(s\): name, mail/)]));
  });
});
