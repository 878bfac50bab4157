import { describe, expect, it } from 'vitest';
import { createDeclarationSchema, linkExpiry, registeredDomainsOf, updateDeclarationSchema } from '../../functions/domain/declaration';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';

describe('declaration settings', () => {
  it('creates an open declaration unless a draft is asked for, so existing callers keep working', () => {
    expect(createDeclarationSchema.parse(sampleDeclaration())).toMatchObject({ draft: false, reminders: { automatic: true }, oneTimeCode: true, organisationDomains: [] });
    expect(createDeclarationSchema.parse({ ...sampleDeclaration(), draft: true }).draft).toBe(true);
    expect(updateDeclarationSchema.safeParse({ ...sampleDeclaration(), draft: true }).success).toBe(false);
  });

  it('caps a link at the deadline, and never extends the signing window beyond it', () => {
    const invitedAt = '2027-01-01T00:00:00.000Z';
    const week = 7 * 24 * 3600;
    expect(linkExpiry({}, invitedAt, week).toISOString()).toBe('2027-01-08T00:00:00.000Z');
    expect(linkExpiry({ deadline: '2027-01-03T12:00:00.000Z' }, invitedAt, week).toISOString()).toBe('2027-01-03T12:00:00.000Z');
    expect(linkExpiry({ deadline: '2027-06-01T00:00:00.000Z' }, invitedAt, week).toISOString()).toBe('2027-01-08T00:00:00.000Z');
  });

  it('finds an organisation\'s registered domains whatever the case, spacing or Unicode form of its name', () => {
    const declaration = { organisationDomains: [{ organisation: 'Autorité  portuaire de Marseille', domains: ['marseille-port.example'] }] };
    expect(registeredDomainsOf(declaration, 'AUTORITE\u0301 portuaire de marseille')).toEqual(['marseille-port.example']);
    expect(registeredDomainsOf(declaration, 'Port of Rotterdam')).toEqual([]);
  });

  it('refuses an organisation listed twice among the registered domains', () => {
    const result = createDeclarationSchema.safeParse({ ...sampleDeclaration(), organisationDomains: [{ organisation: 'Europol', domains: ['europol.example'] }, { organisation: 'EUROPOL', domains: ['x.example'] }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['organisationDomains', 1, 'organisation'], message: 'EUROPOL is listed twice' });
  });
});
