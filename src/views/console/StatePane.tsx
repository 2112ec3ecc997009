// What `ip -br link`, `ip -br addr` and `ip route` would print, for every host and namespace.
import {
  ROOT_NS,
  linksIn,
  printAddresses,
  printLinks,
  printRoute,
  routeTable,
  type World,
} from '../../netns';
import { escapeControls } from './console-session';
import { useConsoleText } from './console-text';

export function StatePane({ world }: { world: World }) {
  const t = useConsoleText();
  return (
    <section className="state-pane" aria-label={t.state}>
      <h3>{t.state}</h3>
      {world.hosts
        .flatMap((h) => world.namespaces.filter((n) => n.host === h.name))
        .map((n) => {
          const place = { host: n.host, ns: n.name };
          const links = linksIn(world, place);
          const ip = n.name === ROOT_NS ? 'ip' : `ip -n ${n.name}`;
          const text =
            `$ ${ip} -br link\n${printLinks(world, links, true)}` +
            `$ ${ip} -br addr\n${printAddresses(world, links, true)}` +
            `$ ${ip} route\n${routeTable(world, place).map(printRoute).join('')}`;
          return (
            <details key={`${n.host}/${n.name}`} open={n.name !== ROOT_NS || world.namespaces.length < 4}>
              <summary>{n.name === ROOT_NS ? n.host : `${n.host} · ${n.name}`}</summary>
              <pre>{escapeControls(text)}</pre>
            </details>
          );
        })}
    </section>
  );
}
