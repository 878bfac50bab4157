import { describe, expect, it } from 'vitest';
import { commitmentListQuerySchema, documentsQuerySchema, invitationImportSchema } from '../../functions/api/schemas';
import { invitationSchema } from '../../functions/domain/commitment';
import { createDeclarationSchema } from '../../functions/domain/declaration';
import { readSigningForm } from '../../functions/domain/signing-form';
import { describeIssues, isWellFormedText } from '../../functions/domain/text';
import * as z from '../../functions/domain/zod';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';

/** Text whose UTF-16 is ill-formed (a surrogate standing alone) is refused in every field, naming it; a proper pair is text like any other. */

const LONE_HIGH = 'Port of Pir\uD800aeus';
const LONE_LOW = '\uDC00Antwerp';

const problems = (schema: z.ZodMiniType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? [] : describeIssues(result.error);
};

describe('well-formed text', () => {
  it('tells a lone surrogate from a proper pair', () => {
    expect(isWellFormedText(LONE_HIGH)).toBe(false);
    expect(isWellFormedText(LONE_LOW)).toBe(false);
    expect(isWellFormedText('\uDC00\uD800')).toBe(false);
    expect(isWellFormedText('Λιμενικό Σώμα ⚓ 🚢 𝔸')).toBe(true);
  });

  it('is refused in an invitation, naming the field, and a proper pair is accepted', () => {
    const invitation = { organisation: { name: 'Port ⚓ 🚢', category: 'customs', country: 'GR', email: 'a@customs.gr.example', contactName: 'Γιώργος' }, language: 'el' };
    expect(problems(invitationSchema, invitation)).toEqual([]);
    const broken = problems(invitationSchema, { ...invitation, organisation: { ...invitation.organisation, name: LONE_HIGH } });
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/organisation name holds a broken character/);
    expect(problems(invitationSchema, { ...invitation, organisation: { ...invitation.organisation, contactName: LONE_LOW } })[0]).toMatch(/contact name holds a broken character/);
  });

  it('is refused in a declaration\'s title and text', () => {
    const declaration = sampleDeclaration();
    const en = declaration.texts.en!;
    expect(problems(createDeclarationSchema, declaration)).toEqual([]);
    expect(problems(createDeclarationSchema, { ...declaration, texts: { ...declaration.texts, en: { ...en, title: LONE_HIGH } } }).join('\n')).toMatch(/title holds a broken character/);
    expect(problems(createDeclarationSchema, { ...declaration, texts: { ...declaration.texts, en: { ...en, text: `${en.text}${LONE_LOW}` } } }).join('\n')).toMatch(/text holds a broken character/);
  });

  it('is refused in a search and in a CSV sent as text', () => {
    expect(problems(commitmentListQuerySchema, { q: LONE_HIGH }).join('\n')).toMatch(/q holds a broken character/);
    expect(problems(documentsQuerySchema, { declarationId: 'dcl_01JDTESTDECLARATION000000000', q: LONE_LOW }).join('\n')).toMatch(/q holds a broken character/);
    expect(problems(invitationImportSchema, { csv: `organisation,email\n${LONE_HIGH},a@b.example\n`, mode: 'check' }).join('\n')).toMatch(/CSV file holds a broken character/);
  });

  it('is a problem of the signing form\'s field, like a control character', () => {
    const { problems: found } = readSigningForm(new Map([['action', ['decline']], ['reason', [LONE_HIGH]]]));
    expect(found).toEqual([{ field: 'reason', problem: 'control-characters' }]);
  });
});
