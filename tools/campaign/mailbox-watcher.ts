import type { MailboxEmail } from './campaign-client';

interface Waiter {
  readonly to: string;
  readonly match: (email: MailboxEmail) => boolean;
  readonly resolve: (email: MailboxEmail) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Follows the local mailbox with one poller for any number of waiting recipients (a campaign of
 * thousands would otherwise fetch the whole store once per signatory). Each email is handed to at
 * most one waiter.
 */
export class MailboxWatcher {
  private readonly waiters = new Set<Waiter>();
  private readonly unclaimed: MailboxEmail[] = [];
  private readonly seen = new Set<string>();
  private sinceSeconds: number;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly mailboxUrl: string,
    startedAt = new Date(),
    private readonly intervalMs = 150,
  ) {
    this.sinceSeconds = Math.floor(startedAt.getTime() / 1000) - 1;
  }

  /** The next email to `to` that matches, arriving after the watcher started. */
  next(to: string, match: (email: MailboxEmail) => boolean, timeoutMs = 60_000): Promise<MailboxEmail> {
    const index = this.unclaimed.findIndex((email) => addressedTo(email, to) && match(email));
    if (index >= 0) return Promise.resolve(this.unclaimed.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        to,
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`no matching email to ${to} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    });
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('mailbox watcher stopped'));
    }
    this.waiters.clear();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const response = await fetch(`${this.mailboxUrl}/store?since=${this.sinceSeconds}`);
      const { emails } = (await response.json()) as { emails: MailboxEmail[] };
      for (const email of emails) {
        if (this.seen.has(email.messageId)) continue;
        this.seen.add(email.messageId);
        // Overlap by a second: the store's timestamps have one-second resolution.
        this.sinceSeconds = Math.max(this.sinceSeconds, email.at - 1);
        const waiter = [...this.waiters].find((candidate) => addressedTo(email, candidate.to) && candidate.match(email));
        if (!waiter) {
          this.unclaimed.push(email);
          continue;
        }
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(email);
      }
      if (this.waiters.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    } catch {
      // The next poll tries again; each waiter has its own deadline.
    } finally {
      this.polling = false;
    }
  }
}

function addressedTo(email: MailboxEmail, to: string): boolean {
  return email.destination.to.some((address) => address.includes(to));
}
