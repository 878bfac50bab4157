import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../functions/domain/commitment';
import {
  checkExtension, executionNameOf, extensionLimit, MAX_SIGNATURE_WAIT_DAYS, pastRoundOf, REINVITABLE_STATES, roundLinkExpiry, roundMailKind, roundOf,
} from '../../functions/domain/rounds';
import { newId } from '../../functions/domain/ids';

const DAY = 86_400_000;
const invitedAt = '2027-01-10T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(invitedAt) + days * DAY);

describe('rounds of invitation', () => {
  it('can invite again only what ended without a signature that counts', () => {
    expect([...REINVITABLE_STATES].sort()).toEqual(['DECLINED', 'EXPIRED', 'REJECTED', 'REVOKED']);
  });

  it('gives each round its own execution name, the first one the commitment id as before, all valid Step Functions names', () => {
    const id = newId('cmt');
    expect(executionNameOf(id, 1)).toBe(id);
    const names = [1, 2, 3, 99].map((round) => executionNameOf(id, round));
    expect(new Set(names).size).toBe(4);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });

  it('claims each workflow email once per round, keeping the first round’s claims as they were', () => {
    expect(roundMailKind(1, 'invitation')).toBe('invitation');
    expect(roundMailKind(2, 'invitation')).not.toBe(roundMailKind(1, 'invitation'));
    expect(roundMailKind(2, 'reminder-1')).not.toBe(roundMailKind(3, 'reminder-1'));
    expect(roundOf({})).toBe(1);
  });

  it('keeps what the ending round came to: its state, contact, decline and expiry, and not what belongs to the commitment', () => {
    const commitment = {
      id: 'cmt_1', declarationId: 'dcl_1', language: 'fr', state: 'DECLINED', invitedAt, updatedAt: invitedAt, invitedBy: 'admin-1',
      organisation: { name: 'Port de Marseille', category: 'port_authority', country: 'FR', email: 'a@port.example', contactName: 'Anne', emailDomains: [] },
      decline: { reason: 'Not now', declinedAt: at(2).toISOString() },
      resends: 2,
    } as Commitment;
    const past = pastRoundOf(commitment, at(5).toISOString(), at(8));
    expect(past).toEqual({
      round: 1, state: 'DECLINED', invitedAt, invitedBy: 'admin-1', endedAt: at(5).toISOString(),
      contact: { name: 'Anne', email: 'a@port.example' }, decline: commitment.decline, linksExpireAt: at(8).toISOString(),
    });
  });
});

describe('how long a round’s links stay valid', () => {
  const window = 28 * 86_400;
  it('lasts the signing window from the round’s invitation, capped by the deadline', () => {
    expect(roundLinkExpiry({}, { invitedAt }, window)).toEqual(at(28));
    expect(roundLinkExpiry({ deadline: at(10).toISOString() }, { invitedAt }, window)).toEqual(at(10));
  });

  it('lasts until an extension past the window, never past the deadline, and an extension inside the window shortens nothing', () => {
    expect(roundLinkExpiry({}, { invitedAt, extendedUntil: at(40).toISOString() }, window)).toEqual(at(40));
    expect(roundLinkExpiry({ deadline: at(35).toISOString() }, { invitedAt, extendedUntil: at(40).toISOString() }, window)).toEqual(at(35));
    expect(roundLinkExpiry({}, { invitedAt, extendedUntil: at(3).toISOString() }, window)).toEqual(at(28));
  });
});

describe('extending an open invitation', () => {
  const now = at(20);
  const current = at(28);

  it('is capped by the deadline, or else by the longest a round may wait for its signature', () => {
    expect(extensionLimit({ deadline: at(60).toISOString() }, invitedAt)).toEqual({ until: at(60), by: 'deadline' });
    expect(extensionLimit({}, invitedAt)).toEqual({ until: at(MAX_SIGNATURE_WAIT_DAYS), by: 'longest-wait' });
    expect(extensionLimit({ deadline: at(400).toISOString() }, invitedAt)).toEqual({ until: at(MAX_SIGNATURE_WAIT_DAYS), by: 'longest-wait' });
  });

  it('accepts a later time up to the deadline itself', () => {
    const deadline = { deadline: at(60).toISOString() };
    expect(checkExtension(deadline, invitedAt, current, at(45), now)).toEqual({ ok: true });
    expect(checkExtension(deadline, invitedAt, current, at(60), now)).toEqual({ ok: true });
  });

  it('refuses a time past the deadline, naming it, one no later than the current expiry, and one in the past', () => {
    const deadline = { deadline: at(60).toISOString() };
    expect(checkExtension(deadline, invitedAt, current, new Date(at(60).getTime() + 1), now)).toMatchObject({ ok: false, reason: 'past-limit', limit: { until: at(60), by: 'deadline' } });
    expect(checkExtension(deadline, invitedAt, current, current, now)).toMatchObject({ ok: false, reason: 'not-later' });
    expect(checkExtension(deadline, invitedAt, current, at(19), now)).toMatchObject({ ok: false, reason: 'in-the-past' });
  });
});
