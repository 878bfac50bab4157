/** A modal form of labelled fields, for console actions that need more than a confirmation. */
import { type Child, el, T } from './core';

export interface Field {
  readonly name: string;
  readonly label: string;
  readonly type: 'text' | 'email' | 'datetime-local';
  readonly value: string;
  readonly hint?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

/**
 * A modal form (keyboard: Tab between fields, Escape cancels; every field labelled, its hint
 * described). Resolves to the values, or null when cancelled.
 */
export function askFields(title: string, message: string, confirmLabel: string, fields: readonly Field[]): Promise<Record<string, string> | null> {
  return new Promise((resolve) => {
    const stamp = Date.now();
    const inputs = fields.map((field) => {
      const id = `dialog-${field.name}-${stamp}`;
      const hintId = field.hint ? `${id}-hint` : undefined;
      const input = el('input', { id, name: field.name, type: field.type, value: field.value, required: true, 'aria-describedby': hintId, ...field.attributes });
      return { field, input, nodes: [el('label', { for: id }, field.label), field.hint ? el('p', { class: 'muted', id: hintId }, field.hint) : null, input] as Child[] };
    });
    const confirm = el('button', { type: 'submit', class: 'primary' }, confirmLabel);
    const cancel = el('button', { type: 'button' }, T.cancel);
    const titleId = `dialog-title-${stamp}`;
    const form = el('form', { method: 'dialog' }, el('h2', { id: titleId }, title), el('p', {}, message), inputs.map((one) => one.nodes), el('p', {}, confirm, ' ', cancel));
    const dialog = el('dialog', { 'aria-labelledby': titleId }, form);
    let answer: Record<string, string> | null = null;
    form.addEventListener('submit', () => {
      answer = Object.fromEntries(inputs.map(({ field, input }) => [field.name, input.value.trim()]));
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    inputs[0]?.input.focus();
  });
}

/** `2027-03-31T17:00` in the browser's time zone, as a datetime-local input shows it. */
export function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}
