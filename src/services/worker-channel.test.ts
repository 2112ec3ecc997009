import { describe, expect, it } from 'vitest';
import type { FromModelWorker } from '../app-model/model-protocol';
import { workerChannel } from './model-service';

/** A worker that answers nothing by itself: the test makes it speak. */
class FakeWorker extends EventTarget {
  posted: unknown[] = [];
  terminated = false;
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  say(data: FromModelWorker) {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
}

const progress = (done: number): FromModelWorker => ({
  type: 'progress',
  progress: { phase: 'read', done, total: 3, chars: 0, elapsedMs: 0 },
});
const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('workerChannel', () => {
  it('hands each message on in a task of its own, in order', async () => {
    const workers: FakeWorker[] = [];
    const channel = workerChannel(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const got: number[] = [];
    channel.onMessage((m) => m.type === 'progress' && got.push(m.progress.done));
    workers[0]!.say(progress(1));
    workers[0]!.say(progress(2));
    workers[0]!.say(progress(3));
    expect(got).toEqual([]); // read now, handed on later
    await nextTask();
    expect(got).toEqual([1]);
    await nextTask();
    await nextTask();
    expect(got).toEqual([1, 2, 3]);
  });

  it('drops what the old worker said once restarted, and a dead worker says failed', async () => {
    const workers: FakeWorker[] = [];
    const channel = workerChannel(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const got: string[] = [];
    channel.onMessage((m) =>
      got.push(m.type === 'progress' ? `${m.progress.phase}:${m.progress.done}` : m.type),
    );
    workers[0]!.say(progress(1));
    channel.restart();
    expect(workers[0]!.terminated).toBe(true);
    workers[1]!.dispatchEvent(new Event('error'));
    for (let i = 0; i < 3; i++) await nextTask();
    expect(got).toEqual(['failed:0']);
  });
});
