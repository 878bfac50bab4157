import { clock } from '../shared/clock';
import { admitSessionPost, type SessionPostRequest } from './admit-session-post';
import { sendOneTimeCode } from './send-one-time-code';

/** "Email me a new code": while the session still has a code to confirm, a fresh one replaces the last (codes per link are rate-limited). */
export async function requestOneTimeCode(request: SessionPostRequest, now = clock.now()): Promise<void> {
  const { open } = await admitSessionPost(request, now);
  if (open.codeToConfirm) await sendOneTimeCode(open.commitment, now);
}
