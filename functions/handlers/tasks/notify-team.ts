import type { EventNotificationKind } from '../../domain/notifications';
import { notifyTeam } from '../../operations/notify-team';
import { taskHandler } from '../../shared/task-handler';

export const handler = taskHandler('notify-team', async (payload: { commitmentId: string; kind: Exclude<EventNotificationKind, 'undeliverable'> }) => notifyTeam(payload.commitmentId, payload.kind));
