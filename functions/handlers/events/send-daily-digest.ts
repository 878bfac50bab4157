import type { ScheduledEvent } from 'aws-lambda';
import { sendDailyDigest } from '../../operations/send-daily-digest';
import { eventHandler } from '../../shared/event-handler';
import { clock } from '../../shared/clock';

/**
 * EventBridge Scheduler, once a day (the local stack: a timer of its clock). The day is the
 * handler's clock's, not the event's time: a retry a minute later still counts for the same day.
 */
export const handler = eventHandler('send-daily-digest', async (_event: Partial<ScheduledEvent>) => sendDailyDigest(clock.now()));
