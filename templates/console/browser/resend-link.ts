/** "Resend the link", from the dashboard's list and from the commitment page. */
import type { ResendAnswer } from './api-types';
import { api, ApiError, T } from './core';

/**
 * Asks for a new signing link, saying how many resends the page showed. When the link was resent
 * since (a second tab, a colleague, a repeated request), nothing is sent and the refusal is worded
 * in the page's language.
 */
export async function resendLink(commitmentId: string, seenResends: number): Promise<ResendAnswer> {
  try {
    return await api<ResendAnswer>(`/api/commitments/${encodeURIComponent(commitmentId)}/resend`, { method: 'POST', body: { seenResends } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && (error.body as { code?: unknown } | undefined)?.code === 'ALREADY_DONE') throw new ApiError(409, T.linkAlreadyResent);
    throw error;
  }
}
