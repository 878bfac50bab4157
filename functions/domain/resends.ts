/**
 * When an admin's "resend the link" may go. A resend answers what its sender saw: the request
 * carries how many times the link had been resent on the page it came from, and goes only if that
 * is still the count. A double click, a second tab or a colleague's click made on the same view
 * then finds the count moved on and sends nothing, however the requests are timed.
 */
import { DomainError } from './errors';

function times(count: number): string {
  return count === 1 ? '1 time' : `${count} times`;
}

/** Why a resend from someone who saw the link resent `seen` times may not go, the record saying `current`; undefined when it may. */
export function resendRefusal(seen: number, current: number): DomainError | undefined {
  if (seen === current) return undefined;
  if (seen < current) {
    return new DomainError('ALREADY_DONE', `This signing link was already resent since you last saw it (resent ${times(seen)} then, ${times(current)} now); nothing more was sent. Reload to see its status.`);
  }
  return new DomainError('WRONG_STATE', `This signing link was resent ${times(current)}, not ${seen}; nothing was sent. Reload to see its status.`);
}

/** A resend lost the race for the count to another one made on the same view. */
export function resendRaceLost(): DomainError {
  return new DomainError('ALREADY_DONE', 'This signing link was already resent just now; nothing more was sent. Reload to see its status.');
}
