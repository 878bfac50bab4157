/** The declaration page's "Move the deadline" (an open declaration with a deadline). */
import type { Declaration, DeadlineMoveAnswer } from './api-types';
import { act, api, el, fmtDate, count, COUNTS, say } from './core';
import { askFields, localInputValue } from './fields-dialog';

export function moveDeadlineButton(declaration: Declaration, base: string, refresh: () => Promise<void>): HTMLButtonElement | null {
  const current = declaration.deadline;
  if (declaration.status !== 'OPEN' || !current) return null;
  const button = el('button', { type: 'button', id: 'move-deadline' }, 'Move the deadline');
  button.addEventListener('click', () => act(button, async () => {
    const suggested = new Date(Math.max(Date.parse(current), Date.now()) + 14 * 86_400_000);
    const values = await askFields('Move the deadline?', `It is ${fmtDate(current)}; it can only move later. Invitations awaiting a signature whose links the deadline cut short keep working until the new one allows.`, 'Move the deadline', [
      { name: 'deadline', label: 'New deadline', type: 'datetime-local', value: localInputValue(suggested), hint: 'In your time zone; later than the current deadline.' },
    ]);
    if (!values) return;
    const deadline = new Date(values.deadline ?? '');
    if (Number.isNaN(deadline.getTime())) throw new Error('Enter a date and time.');
    const answer = await api<DeadlineMoveAnswer>(`${base}/deadline`, { method: 'POST', body: { deadline: deadline.toISOString() } });
    say(`The deadline is now ${fmtDate(answer.deadline)}; the links of ${count(answer.linksExtended, COUNTS.invitation)} now last longer.`);
    await refresh();
  }));
  return button;
}
