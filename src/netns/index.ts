// The by-hand network lab's simulator: hosts, namespaces, links, routes, ping, and the commands
// that build them. Pure: the same commands always give the same world and the same answers.
export type {
  Address,
  CommandOutcome,
  Hop,
  Host,
  Link,
  LinkKind,
  MasqueradeRule,
  Netns,
  PingReport,
  Place,
  StaticRoute,
  World,
} from './types';
export { ROOT_NS } from './types';
export {
  runSession,
  scriptCommands,
  type CommandResult,
  type SessionCommand,
  type SessionRun,
} from './session';
export { splitScript, type ScriptLine } from './shell-words';
export { parsePlugin, CNI_VARIABLES } from './cni-plugin';
export { routeTable, lookupRoute, type RouteEntry } from './routing';
export { printAddresses, printLinks, printRoute } from './print';
export {
  createWorld,
  DEFAULT_LAN,
  displayName,
  findLink,
  findNamespace,
  hasCarrier,
  linkById,
  linksIn,
  operState,
  placeWords,
  portsOf,
} from './world';
export { runPing } from './ping';
export { runNc } from './host-commands';
