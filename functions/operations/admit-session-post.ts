import { sessionFormToken } from '../domain/signing';
import { loadSigningKey } from '../shared/signing-key';
import { admitSigningPost, requireFormToken, type AdmittedPost, type SigningPostRequest } from './admit-signing-post';
import { limitAttempts } from './rate-limit';
import { resolveSigningSession, resolveSigningSessionWithParkedTask, type OpenSession } from './signing-session';
import type { ParkedTask } from '../store/task-tokens';

export interface SessionPostRequest extends SigningPostRequest {
  /** From the request's session cookie. */
  readonly sessionId: string | undefined;
}

export interface AdmittedSessionPost extends AdmittedPost {
  readonly open: OpenSession;
  /** With `withParkedTask`: the workflow's parked task, when it was read with the session. */
  readonly parkedTask?: { readonly task: ParkedTask | undefined };
}

/**
 * A POST from a page of an open signing session: once admitted as a signing POST, the session must
 * still be usable, the link's rate limit not reached, and the form's token the session's own.
 */
export async function admitSessionPost(request: SessionPostRequest, now: Date, options: { withParkedTask?: boolean } = {}): Promise<AdmittedSessionPost> {
  const { read: { open, parkedTask }, ...post } = await admitSigningPost(request, now, async () => options.withParkedTask
    ? resolveSigningSessionWithParkedTask(request.sessionId, now)
    : { open: await resolveSigningSession(request.sessionId, now), parkedTask: undefined });
  await limitAttempts({ scope: 'link', subject: open.commitment.id, language: open.session.language }, now);
  requireFormToken(post.fields, sessionFormToken(await loadSigningKey(), open.sessionId), open.session.language);
  return { ...post, open, ...(parkedTask ? { parkedTask } : {}) };
}
