import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkerClient } from '../src/web/page/offlineBackend.ts';

/**
 * The offline page's link to its Worker: a Worker that stops (a file that exhausted its memory) answers what was
 * asked with a message, and the next request starts a new one, which is given the fonts before anything else.
 */

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { id: number; request: { op: string } }[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  postMessage(message: { id: number; request: { op: string } }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(id: number, reply: unknown) {
    this.onmessage?.({ data: { id, reply } });
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault: () => undefined });
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
beforeEach(() => {
  FakeWorker.made = [];
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
});

/** The client starts its Worker once the script is unpacked (a promise): what it was asked is posted after a turn. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the offline page talking to its Worker', () => {
  it('starts the Worker from the script it carries, when first asked, and matches answers to requests', async () => {
    const client = new WorkerClient('self.onmessage = () => {}');
    expect(FakeWorker.made).toHaveLength(0);
    const a = client.request({ op: 'new', port: '清水港', kind: 'new-license' });
    const b = client.request({ op: 'new', port: '博多港', kind: 'new-license' });
    await settled();
    const worker = FakeWorker.made[0]!;
    expect(worker.url).toMatch(/^blob:/);
    const [first, second] = worker.posted;
    worker.answer(second!.id, { ok: false, message: 'second' });
    worker.answer(first!.id, { ok: false, message: 'first' });
    expect(await a).toEqual({ ok: false, message: 'first' });
    expect(await b).toEqual({ ok: false, message: 'second' });
  });

  it('answers what a stopped Worker was asked, and gives a new one the fonts before the next request', async () => {
    const client = new WorkerClient('');
    const fonts = { op: 'fonts' as const, fonts: { regular: 'AA', bold: 'BB', emoji: 'CC' } };
    void client.request(fonts);
    client.greeting = fonts;
    const pending = client.request({ op: 'review', files: [] });
    await settled();
    FakeWorker.made[0]!.fail('out of memory');
    const reply = await pending;
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.message).toContain('入力した内容はそのままです');
    expect(FakeWorker.made[0]!.terminated).toBe(true);

    void client.request({ op: 'new', port: '清水港', kind: 'new-license' });
    await settled();
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.posted.map((m) => m.request.op)).toEqual(['fonts', 'new']);
  });
});
