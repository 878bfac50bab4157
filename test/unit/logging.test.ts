import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loggableError, redact } from '../../functions/shared/logger';
import { taskHandler } from '../../functions/shared/task-handler';
import { eventHandler } from '../../functions/shared/event-handler';

let lines: string[] = [];
beforeEach(() => {
  lines = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
});
afterEach(() => vi.restoreAllMocks());

const logged = () => lines.flatMap((line) => line.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('log lines', () => {
  it('of a failed task carry the commitment id and the task, and no address from the error', async () => {
    const sesSandbox = Object.assign(new Error('Email address is not verified. The following identities failed the check in region EU-WEST-1: Jane.Doe@customs.gr.example'), { name: 'MessageRejected' });
    const handler = taskHandler('deliver-certificate', async () => { throw sesSandbox; });
    await expect(handler({ commitmentId: 'cmt_01jabcdefghjkmnpqrstvwxyz0' })).rejects.toBe(sesSandbox);
    const [line] = logged();
    expect(line).toMatchObject({ level: 'ERROR', message: 'task failed', task: 'deliver-certificate', commitmentId: 'cmt_01jabcdefghjkmnpqrstvwxyz0' });
    expect(JSON.stringify(line)).not.toContain('@');
    expect(JSON.stringify(line)).toContain('<address>');
  });

  it('of a failed event leave the event (which may hold addresses) out', async () => {
    const handler = eventHandler('record-mail-event', async (_event: { Records: unknown[] }) => { throw new Error('table unreachable'); });
    await expect(handler({ Records: [{ Sns: { Message: '{"mail":{"destination":["someone@port.example"]}}' } }] })).rejects.toThrow('table unreachable');
    const text = lines.join('');
    expect(text).toContain('event failed');
    expect(text).not.toContain('someone@port.example');
  });
});

describe('redaction', () => {
  it('replaces addresses and secret-looking strings, and keeps commitment ids', () => {
    const secret = 'q8Jx3nLr0aZkC2vW9yTfE1uHs5gDp7bM4oNiQ6tRwYc';
    expect(redact(`link /sign/${secret} for "Ana" <ana.pop@apm.ro> about cmt_01jabcdefghjkmnpqrstvwxyz0`))
      .toBe('link /sign/<secret> for "Ana" <<address>> about cmt_01jabcdefghjkmnpqrstvwxyz0');
  });

  it('keeps the error name and redacts the message and stack', () => {
    const error = new TypeError('no route to x@y.example');
    const loggable = loggableError(error, true) as { name: string; message: string; stack: string };
    expect(loggable.name).toBe('TypeError');
    expect(loggable.message).toBe('no route to <address>');
    expect(loggable.stack).not.toContain('x@y.example');
  });
});
