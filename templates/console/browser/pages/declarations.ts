/** The list of declarations. */
import type { DeclarationList } from '../api-types';
import { api, byId, clear, count, COUNTS, el, fill, fmtDate, say, start, statusBadge, T } from '../core';

void start(async (session) => {
  const { declarations } = await api<DeclarationList>('/api/declarations');
  const body = clear(byId('declarations-body'));
  for (const declaration of declarations) {
    body.append(el('tr', {},
      el('td', {}, el('a', { href: `/console/declarations/${encodeURIComponent(declaration.id)}` }, declaration.title)),
      el('td', {}, statusBadge(declaration.status)),
      el('td', {}, declaration.version),
      el('td', { class: 'date' }, fmtDate(declaration.createdAt)),
      el('td', { class: 'date' }, declaration.deadline ? fmtDate(declaration.deadline) : T.noDeadline)));
  }
  byId('declarations-empty').hidden = declarations.length > 0;
  say(fill(T.declarationsCount, { declarations: count(declarations.length, COUNTS.declaration) }));
  if (!session.isAdmin) byId('auditor-hint').hidden = false;
});
