import { describe, expect, it, vi } from 'vitest';
import DEFAULT from '../scenarios/default.yaml?raw';
import { createNetlabStore } from '../store/netlab-store';
import { inlineChannel } from '../app-model/inline-model-channel';
import { startModelService } from './model-service';
import { currentHops, HOP_MS, startPacketClock } from './packet-clock';

const settle = async () => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
};

describe('packet clock', () => {
  it('plays a packet hop by hop, then the next packet of a tour, then stops', async () => {
    vi.useFakeTimers();
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    startModelService(store, inlineChannel());
    startPacketClock(store);
    await settle();
    store.getState().sendPackets([
      { from: 'prod/web', to: 'prod/db', port: { port: 3306, protocol: 'TCP' } },
      { from: 'prod/backend', to: 'prod/db', port: { port: 3306, protocol: 'TCP' } },
    ]);
    await settle();
    const hops = currentHops(store.getState())!;
    expect(hops).toBeGreaterThanOrEqual(3); // web → db under calico: eth0, web's cali veth, db's
    expect(store.getState().packet.step).toBe(0);
    await vi.advanceTimersByTimeAsync(HOP_MS);
    expect(store.getState().packet.step).toBe(1);
    store.getState().setSpeed(2);
    await vi.advanceTimersByTimeAsync(HOP_MS / 2);
    expect(store.getState().packet.step).toBe(2);
    await vi.advanceTimersByTimeAsync(HOP_MS * 20);
    expect(store.getState().packet.index).toBe(1);
    await vi.advanceTimersByTimeAsync(HOP_MS * 40);
    expect(store.getState().packet.playing).toBe(false);
    expect(store.getState().packet.index).toBe(1);
    vi.useRealTimers();
  });

  it('does nothing while paused', async () => {
    vi.useFakeTimers();
    const store = createNetlabStore({ defaultScenario: DEFAULT });
    startModelService(store, inlineChannel());
    startPacketClock(store);
    await settle();
    store
      .getState()
      .sendPackets([{ from: 'prod/web', to: 'prod/db', port: { port: 3306, protocol: 'TCP' } }]);
    store.getState().setPlaying(false);
    await settle();
    await vi.advanceTimersByTimeAsync(HOP_MS * 5);
    expect(store.getState().packet.step).toBe(0);
    vi.useRealTimers();
  });
});
