// A CNI plugin written by hand, as the study notes' net-script.sh: an `ADD)` section that wires
// a container's namespace and a `DEL)` section that unwires it. The runtime's inputs arrive as
// environment variables (CNI_COMMAND, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME) plus POD_IP, which
// stands in for the address an IPAM plugin would hand out. CNI_NETNS is the namespace's name here
// (a runtime passes a path such as /var/run/netns/red).
import { splitScript, type ScriptLine } from './shell-words';

export const CNI_VARIABLES = ['CNI_COMMAND', 'CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'POD_IP'] as const;

export interface PluginScript {
  /** Commands before the first section: run for every CNI_COMMAND. */
  readonly common: ScriptLine[];
  readonly sections: Readonly<Record<string, ScriptLine[]>>;
}

const SECTION = /^["']?([A-Za-z|]+)["']?\)\s*(.*)$/;
const IGNORED = /^(case\b.*\bin|esac|;;|set -[eux]+|#!.*)$/;

/** Splits a plugin script into its sections (`ADD)`, `DEL)`, and any others it has). */
export function parsePlugin(text: string): PluginScript {
  const common: ScriptLine[] = [];
  const sections: Record<string, ScriptLine[]> = {};
  let current: ScriptLine[] = common;
  for (const l of splitScript(text)) {
    const t = l.text.replace(/;;\s*$/, '').trim();
    if (t === '' || IGNORED.test(t)) continue;
    const s = SECTION.exec(t);
    if (s) {
      current = [];
      for (const name of s[1]!.split('|')) sections[name.toUpperCase()] = current;
      if (s[2]) current.push({ ...l, text: s[2] });
      continue;
    }
    current.push({ ...l, text: t });
  }
  return { common, sections };
}
