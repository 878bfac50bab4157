/** The declaration page's "Move the deadline" (an open declaration with a deadline). */
import type { Declaration, DeadlineMoveAnswer } from './api-types';
import { act, api, el, fill, fmtDate, count, COUNTS, say, T } from './core';
import { askFields, localInputValue } from './fields-dialog';

export function moveDeadlineButton(declaration: Declaration, base: string, refresh: () => Promise<void>): HTMLButtonElement | null {
  const current = declaration.deadline;
  if (declaration.status !== 'OPEN' || !current) return null;
  const button = el('button', { type: 'button', id: 'move-deadline' }, T.moveDeadline);
  button.addEventListener('click', () => act(button, async () => {
    const suggested = new Date(Math.max(Date.parse(current), Date.now()) + 14 * 86_400_000);
    const values = await askFields(T.moveDeadlineQuestion, fill(T.moveDeadlineIntro, { date: fmtDate(current) }), T.moveDeadline, [
      { name: 'deadline', label: T.newDeadline, type: 'datetime-local', value: localInputValue(suggested), hint: T.newDeadlineHint },
    ]);
    if (!values) return;
    const deadline = new Date(values.deadline ?? '');
    if (Number.isNaN(deadline.getTime())) throw new Error(T.enterDateTime);
    const answer = await api<DeadlineMoveAnswer>(`${base}/deadline`, { method: 'POST', body: { deadline: deadline.toISOString() } });
    say(fill(T.deadlineMoved, { date: fmtDate(answer.deadline), invitations: count(answer.linksExtended, COUNTS.invitation) }));
    await refresh();
  }));
  return button;
}
