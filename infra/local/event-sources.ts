/**
 * The local stand-in for the event sources of the catalog's event functions. On AWS, SES
 * publishes to an SNS topic, and SNS invokes the subscribed function with a Lambda SNS event.
 * Locally nothing publishes by itself: `POST /local/events/<source>` takes one SNS notification
 * (what SNS publishes, e.g. `test/fixtures/ses-events/bounce.json`) and hands the same Lambda SNS
 * event to every event function of that source, answering with what each returned.
 */
import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';
import { EVENT_FUNCTIONS, type EventFunctionId, type EventSource } from '../../functions/catalog';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './aws-local';
import type { LocalEndpoint } from './http-api';

export type LocalEventHandler = (event: unknown) => Promise<unknown>;

/** An SNS notification as SNS publishes it (HTTP/S delivery spells the two URLs in capitals). */
interface SnsNotification {
  readonly Type: 'Notification';
  readonly MessageId?: string;
  readonly TopicArn?: string;
  readonly Subject?: string | null;
  readonly Message: string;
  readonly Timestamp?: string;
  readonly SignatureVersion?: string;
  readonly Signature?: string;
  readonly SigningCertURL?: string;
  readonly UnsubscribeURL?: string;
  readonly MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** The sources SNS delivers (a daily schedule runs on the stack's clock, infra/local/daily-schedules.ts; an `export-requests` event is an asynchronous invocation, infra/local/lambda-service.ts). */
const SNS_SOURCES: ReadonlySet<EventSource> = new Set<EventSource>(['mail-events']);
const SOURCES = new Set<string>(Object.values(EVENT_FUNCTIONS).map((spec) => spec.source).filter((source) => SNS_SOURCES.has(source)));

/** The topic a source publishes to, locally. */
export function localTopicArn(source: EventSource): string {
  return `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${source}`;
}

/** The Lambda event SNS delivers for one notification. */
export function snsLambdaEvent(notification: SnsNotification, source: EventSource, functionId: EventFunctionId): SNSEvent {
  const topicArn = localTopicArn(source);
  return {
    Records: [{
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: `${topicArn}:${functionId}`,
      Sns: {
        Type: 'Notification',
        MessageId: notification.MessageId ?? randomUUID(),
        TopicArn: topicArn,
        Subject: notification.Subject ?? '',
        Message: notification.Message,
        Timestamp: notification.Timestamp ?? new Date().toISOString(),
        SignatureVersion: notification.SignatureVersion ?? '1',
        Signature: notification.Signature ?? '',
        SigningCertUrl: notification.SigningCertURL ?? '',
        UnsubscribeUrl: notification.UnsubscribeURL ?? '',
        MessageAttributes: Object.fromEntries(Object.entries(notification.MessageAttributes ?? {}).map(([name, { Type, Value }]) => [name, { Type, Value }])),
      },
    }],
  };
}

export function eventInjectionEndpoint(loadHandler: (functionId: EventFunctionId) => Promise<LocalEventHandler>): LocalEndpoint {
  return async ({ method, path, body }) => {
    const source = /^\/local\/events\/([a-z-]+)$/.exec(path)?.[1];
    if (source === undefined) return undefined;
    if (!SOURCES.has(source)) return { status: 404, body: { message: `No event function listens to ${source}.` } };
    if (method !== 'POST') return { status: 405, body: { message: 'POST one SNS notification.' } };
    let notification: SnsNotification;
    try {
      notification = JSON.parse((await body()).toString('utf8')) as SnsNotification;
    } catch {
      return { status: 400, body: { message: 'The body must be an SNS notification (JSON).' } };
    }
    if (notification?.Type !== 'Notification' || typeof notification.Message !== 'string') {
      return { status: 400, body: { message: 'The body must be an SNS notification: {"Type": "Notification", "Message": "...", ...}.' } };
    }
    const delivered: { functionId: EventFunctionId; result: unknown }[] = [];
    for (const [functionId, spec] of Object.entries(EVENT_FUNCTIONS) as [EventFunctionId, (typeof EVENT_FUNCTIONS)[EventFunctionId]][]) {
      if (spec.source !== source) continue;
      try {
        delivered.push({ functionId, result: await (await loadHandler(functionId))(snsLambdaEvent(notification, spec.source, functionId)) });
      } catch (error) {
        // On AWS, Lambda would retry twice and then dead-letter the event.
        return { status: 502, body: { functionId, error: error instanceof Error ? { name: error.name, message: error.message } : String(error) } };
      }
    }
    return { status: 200, body: { delivered } };
  };
}
