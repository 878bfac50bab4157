/** The notification settings of a declaration in the console's form (templates/console/notification-settings-section.ts). */
import type { NotificationSettings } from './api-types';
import { act, api, byId, say, T } from './core';

const addresses = () => byId('notifyAddresses', HTMLTextAreaElement);
const switches = () => [...document.querySelectorAll<HTMLInputElement>('[data-notify-kind]')];

/** The settings as written in the form; addresses one per line (commas and spaces separate too). */
export function collectNotificationSettings(): NotificationSettings {
  const listed = addresses().value.split(/[\s,;]+/).map((address) => address.trim()).filter(Boolean);
  const kinds = Object.fromEntries(switches().map((input) => [input.dataset.notifyKind ?? '', input.checked])) as NotificationSettings['kinds'];
  return { addresses: listed, kinds };
}

export function fillNotificationSettings(settings: NotificationSettings | undefined): void {
  addresses().value = (settings?.addresses ?? []).join('\n');
  for (const input of switches()) input.checked = settings?.kinds?.[input.dataset.notifyKind as keyof NotificationSettings['kinds']] !== false;
}

/**
 * On an existing declaration the section saves itself (PUT .../notifications), also while it is
 * open; a closed one shows nothing to change.
 */
export function enableNotificationSettings(declarationId: string, status: string): void {
  const form = byId('notifications-form', HTMLFormElement);
  if (status === 'CLOSED') {
    form.hidden = true;
    return;
  }
  const save = byId('save-notifications', HTMLButtonElement);
  save.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(save, async () => {
      await api(`/api/declarations/${encodeURIComponent(declarationId)}/notifications`, { method: 'PUT', body: collectNotificationSettings() });
      say(T.notificationsSaved);
    });
  });
}
