// Choosing a packet to send (or the whole tour) and driving its playback. Every control has a
// keyboard shortcut that works anywhere outside text fields and the editor.
import { memo, useEffect, useMemo, useState } from 'react';
import { packetTourFromView } from '../../app-model/packet-requests';
import { AfterTheGraph, useNetlab, useScenarioModel } from '../use-netlab';
import { useMatrixPort } from '../use-matrix-port';
import { useUiText } from '../i18n';
import { fill } from '../../lib/text';
import { TID } from '../testIds';
import { usePacketJourney } from './usePacketJourney';
import { parseUrl } from '../../model/trace-url';
import { isTyping, packetHopKey } from '../keyboard';

const SPEEDS = [0.5, 1, 2, 4];

interface Option {
  readonly value: string;
  readonly label: string;
  /** The <optgroup> it is listed under (pods by namespace, outside machines, Services, NodePorts). */
  readonly group: string;
}

/**
 * A native select (type-ahead, the platform's own list) with the options in their groups.
 * Memoised: a cluster dump lists a thousand pods, and a keystroke changes none of them.
 */
const OptionSelect = memo(function OptionSelect({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  testId: string;
  value: string;
  options: readonly Option[];
  onChange(v: string): void;
}) {
  const groups = useMemo(() => {
    const byGroup = new Map<string, Option[]>();
    for (const o of options) {
      const list = byGroup.get(o.group);
      if (list) list.push(o);
      else byGroup.set(o.group, [o]);
    }
    return [...byGroup];
  }, [options]);
  return (
    <label>
      {label}{' '}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map(([group, items]) => (
          <optgroup key={group} label={group}>
            {items.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
});

/** The packet form takes a new view after the graph has (its menus list every pod). */
export function PacketControls() {
  return (
    <AfterTheGraph>
      <PacketForm />
    </AfterTheGraph>
  );
}

const PacketForm = memo(function PacketForm() {
  const t = useUiText();
  const { model } = useScenarioModel();
  const packet = useNetlab((s) => s.packet);
  const sendPackets = useNetlab((s) => s.sendPackets);
  const setPlaying = useNetlab((s) => s.setPlaying);
  const setPacketStep = useNetlab((s) => s.setPacketStep);
  const setSpeed = useNetlab((s) => s.setSpeed);
  const resetPacket = useNetlab((s) => s.resetPacket);
  const journey = usePacketJourney();
  const selectedFlow = useNetlab((s) => s.selectedFlow);
  const matrixPort = useMatrixPort().port;
  /** Outside machines are endpoints by IP; traceFlow takes their names too. */
  const endName = (key: string) => topology.externals.find((e) => e.ip === key)?.name ?? key;
  const { topology } = model;

  const sources = useMemo(
    (): Option[] => [
      ...topology.pods.map((p) => ({
        value: p.key,
        label: p.key,
        group: fill(t.podsIn, { namespace: p.namespace }),
      })),
      ...topology.externals.map((e) => ({
        value: e.name,
        label: `${e.name} (${e.ip})`,
        group: t.outsideGroup,
      })),
    ],
    [topology, t],
  );
  const destinations = useMemo(() => {
    const nodePorts = topology.services.flatMap((s) =>
      s.ports
        .filter((p) => p.nodePort)
        .flatMap((p) =>
          topology.nodes
            .filter((n) => n.internalIP)
            .map((n) => ({
              value: `${n.internalIP}:${p.nodePort}`,
              label: `${n.name}:${p.nodePort} (NodePort ${s.key})`,
              group: 'NodePort',
            })),
        ),
    );
    return [
      ...sources,
      ...topology.services.map((s) => ({
        value: `svc:${s.key}`,
        label: `${t.service} ${s.key}${s.clusterIP ? ` (${s.clusterIP})` : s.externalName ? ` (${s.externalName})` : ''}`,
        group: t.services,
      })),
      ...nodePorts,
    ];
  }, [sources, topology, t]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const [port, setPort] = useState('80');
  const [protocol, setProtocol] = useState<'TCP' | 'UDP' | 'SCTP'>('TCP');
  const [together, setTogether] = useState(false);
  // The form shows the packet on screen, however it got there (this form, a link, the host page
  // of an embed, a "Send …" button, the tour moving on).
  // Adjusted while rendering when the packet on screen changes (React's pattern for state that
  // follows a prop), not in an effect: no extra render with the old values.
  const onScreen = packet.requests[packet.index];
  // Starts from none, so a packet already on screen when the form mounts (a link opened before the
  // model was ready) fills the form too.
  const [shown, setShown] = useState<typeof onScreen>(undefined);
  if (onScreen !== shown) {
    setShown(onScreen);
    if (onScreen) {
      const written = onScreen.to.startsWith('dns:')
        ? onScreen.to.slice(4)
        : /^https?:\/\//i.test(onScreen.to)
          ? onScreen.to
          : '';
      setFrom(onScreen.from);
      setName(written);
      if (!written) setTo(onScreen.to);
      setPort(String(onScreen.port.port));
      setProtocol(onScreen.port.protocol);
    }
  }
  const fromValue = sources.some((o) => o.value === from) ? from : (sources[0]?.value ?? '');
  const toValue = destinations.some((o) => o.value === to)
    ? to
    : (destinations[1]?.value ?? destinations[0]?.value ?? '');
  const tour = useMemo(() => packetTourFromView(topology), [topology]);
  const byName = name.trim() !== '';
  const url = byName ? parseUrl(name) : null;
  const portNumber = url ? url.port : byName ? Number(port) : Number(toValue.match(/:(\d+)$/)?.[1] ?? port);

  const hops = journey?.hops.length ?? 0;
  const atEnd = journey !== null && journey.step >= hops - 1;
  const send = () =>
    sendPackets([
      {
        from: fromValue,
        to: url ? name.trim() : byName ? `dns:${name.trim()}` : toValue,
        port: { port: portNumber, protocol: url ? 'TCP' : protocol },
      },
    ]);
  const togglePlay = () => {
    if (!journey) return;
    if (atEnd && !packet.playing) setPacketStep(0);
    setPlaying(!packet.playing);
  };
  const step = (delta: number) => {
    if (!journey) return;
    setPlaying(false);
    setPacketStep(Math.min(hops - 1, Math.max(0, journey.step + delta)));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const actions: Record<string, () => void> = {
        k: togglePlay,
        ' ': togglePlay,
        r: resetPacket,
        '+': () => setSpeed(packet.speed * 2),
        '-': () => setSpeed(packet.speed / 2),
      };
      const hop = packetHopKey(e);
      const action = hop !== 0 ? () => step(hop) : actions[e.key];
      if (!action || (e.key === ' ' && (e.target as HTMLElement | null)?.tagName === 'BUTTON')) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <div className="packet-controls">
      <form
        className="packet-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <OptionSelect
          label={t.from}
          testId={TID.packetFrom}
          value={fromValue}
          options={sources}
          onChange={setFrom}
        />
        <OptionSelect
          label={t.to}
          testId={TID.packetTo}
          value={toValue}
          options={destinations}
          onChange={setTo}
        />
        <label title={t.toNameHelp}>
          {t.toName}{' '}
          <input
            data-testid={TID.packetToName}
            type="text"
            value={name}
            placeholder="db.prod, http://…"
            spellCheck={false}
            autoCapitalize="off"
            onChange={(e) => setName(e.target.value)}
            className="name-input"
          />
        </label>
        <label>
          {t.port}{' '}
          <input
            data-testid={TID.packetPort}
            type="number"
            min={1}
            max={65535}
            value={
              url || (!byName && toValue.includes(':') && !toValue.startsWith('svc:')) ? portNumber : port
            }
            disabled={url !== null || (!byName && /:\d+$/.test(toValue))}
            onChange={(e) => setPort(e.target.value)}
            className="port-input"
          />
        </label>
        <label>
          <span className="visually-hidden">{t.protocol}</span>
          <select
            value={protocol}
            onChange={(e) => setProtocol(e.target.value as typeof protocol)}
            aria-label={t.protocol}
          >
            <option>TCP</option>
            <option>UDP</option>
            <option>SCTP</option>
          </select>
        </label>
        <button type="submit" className="primary" data-testid={TID.packetSend}>
          {t.sendPacket}
        </button>
        <button
          type="button"
          data-testid={TID.packetRunAll}
          disabled={tour.length === 0}
          onClick={() => sendPackets(tour, together)}
        >
          {t.runAll}
        </button>
        {selectedFlow && matrixPort && (
          <button
            type="button"
            data-testid={TID.packetSendSelected}
            onClick={() =>
              sendPackets([
                { from: endName(selectedFlow.from), to: endName(selectedFlow.to), port: matrixPort },
              ])
            }
          >
            {fill(t.sendSelected, {
              flow: `${selectedFlow.from} → ${selectedFlow.to} ${matrixPort.port}/${matrixPort.protocol}`,
            })}
          </button>
        )}
        <label>
          <input
            type="checkbox"
            data-testid={TID.packetTogether}
            checked={together}
            onChange={(e) => setTogether(e.target.checked)}
          />{' '}
          {t.allAtOnce}
        </label>
      </form>
      <div className="packet-playback" role="group" aria-label={t.playback}>
        <button
          type="button"
          data-testid={TID.packetReset}
          onClick={resetPacket}
          disabled={!journey}
          aria-keyshortcuts="R"
          title={`${t.resetPacket} (R)`}
        >
          |◀ <span className="visually-hidden">{t.resetPacket}</span>
        </button>
        <button
          type="button"
          data-testid={TID.packetBack}
          onClick={() => step(-1)}
          disabled={!journey || journey.step === 0}
          aria-keyshortcuts="ArrowLeft J"
          title={`${t.stepBack} (←)`}
        >
          ◀ <span className="visually-hidden">{t.stepBack}</span>
        </button>
        <button
          type="button"
          data-testid={TID.packetPlay}
          onClick={togglePlay}
          disabled={!journey}
          aria-keyshortcuts="K"
          title={`${packet.playing ? t.pause : t.play} (K)`}
        >
          {/* ❚❚ rather than ⏸: fonts without emoji (and screen readers) miss the latter. */}
          <span aria-hidden="true">{packet.playing ? '❚❚' : '▶'}</span> {packet.playing ? t.pause : t.play}
        </button>
        <button
          type="button"
          data-testid={TID.packetForward}
          onClick={() => step(1)}
          disabled={!journey || atEnd}
          aria-keyshortcuts="ArrowRight L"
          title={`${t.stepForward} (→)`}
        >
          ▶| <span className="visually-hidden">{t.stepForward}</span>
        </button>
        <label>
          {t.speed}{' '}
          <select
            data-testid={TID.packetSpeed}
            value={packet.speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
            aria-keyshortcuts="+ -"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="help">{t.packetShortcuts}</span>
      </div>
    </div>
  );
});
