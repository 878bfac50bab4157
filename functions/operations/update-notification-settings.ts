import type { Declaration } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import type { NotificationSettings } from '../domain/notifications';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { replaceNotificationSettings } from '../store/notifications';
import { loadDeclaration } from './load';

/**
 * Sets who in the Commission team is notified about a declaration, and of what: while it is a
 * draft or open (a closed campaign has nothing more to tell). Recorded as an audit event.
 */
export async function updateNotificationSettings(declarationId: string, settings: NotificationSettings, caller: Caller): Promise<Declaration> {
  const current = await loadDeclaration(declarationId);
  if (current.status === 'CLOSED') throw closed();
  const changed = await replaceNotificationSettings(declarationId, settings, {
    declarationId,
    type: 'NOTIFICATIONS_CHANGED',
    ...adminActor(caller),
    detail: { addresses: settings.addresses, kinds: settings.kinds },
  });
  if (!changed.ok) throw closed();
  return loadDeclaration(declarationId);
}

function closed(): DomainError {
  return new DomainError('WRONG_STATE', 'This declaration is closed; its notifications can no longer change.');
}
