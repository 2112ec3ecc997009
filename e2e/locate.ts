// How the e2e tests find things: as a learner does, by role and accessible name (the words on the
// screen, or what a screen reader reads out). Test ids (src/views/testIds.ts) only where nothing
// with a role or words exists, such as the parts of the cluster diagram.
import type { FileChooser, FrameLocator, Locator, Page } from '@playwright/test';
import { TID } from '../src/views/testIds';

type Scope = Page | FrameLocator;

/** `s` as a literal part of a regular expression. */
export const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A matrix cell: "prod/web → prod/db 3306/TCP: denied" (whichever port is shown, in either language). */
export const cell = (scope: Scope, from: string, to: string): Locator =>
  scope.getByRole('button', { name: new RegExp(`^${literal(from)} → ${literal(to)} \\d+/[A-Z]+: `) });

/** The cells of the reachability matrix (one button per flow). */
export const matrixCells = (scope: Scope): Locator =>
  scope.getByRole('table', { name: /^(Reachability matrix|도달 가능성 표) — / }).getByRole('button');

/** The matrix's port select. */
export const matrixPort = (scope: Scope): Locator => scope.getByRole('combobox', { name: /^(Port|포트)$/ });

/** The UI language select. */
export const language = (scope: Scope): Locator => scope.getByRole('combobox', { name: /^(Language|언어)$/ });

/** The "Why" panel: the chosen flow's verdict and its reasons. */
export const why = (scope: Scope): Locator => scope.getByRole('region', { name: /^(Why|이유)$/ });

/** The cluster diagram. */
export const diagram = (scope: Scope): Locator =>
  scope.getByRole('group', { name: /^(Cluster diagram|클러스터 구성도): / });

/** A pod card in the diagram: "Pod prod/web, 10.244.1.2, node01; …". */
export const pod = (scope: Scope, key: string): Locator =>
  scope.getByRole('button', { name: new RegExp(`^(Pod|파드) ${literal(key)},`) });

/**
 * Every pod card of the scenario in the diagram. The implicit CoreDNS pods netlab adds say so right
 * after their key ("Pod kube-system/coredns-1 — implicit (kubeadm CoreDNS), …"): not counted here.
 */
export const pods = (scope: Scope): Locator => scope.getByRole('button', { name: /^(Pod|파드) \S+,/ });

/** The implicit CoreDNS pod cards (netlab's, when the scenario has no kube-dns). */
export const implicitPods = (scope: Scope): Locator =>
  scope.getByRole('button', { name: /^(Pod|파드) \S+ — (implicit|자동 추가) \(kubeadm CoreDNS\),/ });

/**
 * Pairs of visible graph texts whose on-screen boxes overlap by more than half a pixel each way
 * (`out`), and how many texts were measured (`count`).
 */
export const graphLabelOverlaps = (scope: Scope) =>
  diagram(scope).evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('text')]
      .filter((e) => e.textContent?.trim() && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => ({ text: e.textContent!.trim().slice(0, 40), r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (ox > 0.5 && oy > 0.5) out.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
      }
    return { count: boxes.length, out };
  });

/** A machine outside the cluster, in the diagram, by IP (or every one of them). */
export const outside = (scope: Scope, ip?: string): Locator =>
  scope.getByRole('button', {
    name: new RegExp(`^(outside the cluster|클러스터 밖): \\S+ ${ip ? `${literal(ip)}\\b` : ''}`),
  });

/** The packet panel. */
export const packetPanel = (scope: Scope): Locator =>
  scope.getByRole('region', { name: /^(Packet journeys|패킷 여정)$/ });

/** The scenario editor panel (heading, error banner, Monaco). */
export const editorPanel = (scope: Scope): Locator =>
  scope.getByRole('region', { name: /^(Scenario \(YAML\)|시나리오 \(YAML\))$/ });

/** Monaco's text area, by its label (which follows the UI language). */
export const editorTextbox = (scope: Scope): Locator =>
  scope.getByRole('textbox', { name: /^(Scenario YAML editor|시나리오 YAML 편집기)$/ });

/** Monaco as drawn: the code view around its text area. */
export const editorView = (scope: Scope): Locator =>
  scope.getByRole('code').filter({ has: editorTextbox(scope) });

/** For axe: Monaco's own DOM, inside our host element (Monaco's accessibility is its own). */
export const MONACO = `[data-testid="${TID.editorHost}"]`;

/** The lesson panel (the list, or a lesson). */
export const lessonPanel = (scope: Scope): Locator => scope.getByRole('region', { name: /^(Lessons|레슨)$/ });

/** A lesson in the list, by its code ("A1"). */
export const lessonItem = (scope: Scope, code: string): Locator =>
  lessonPanel(scope)
    .getByRole('listitem')
    .filter({ has: scope.getByRole('link', { name: new RegExp(`^${literal(code)} `) }) });

/** Opens files through a button that opens the file chooser ("Open file…", "Import progress…"). */
export async function chooseFiles(
  page: Page,
  button: Locator,
  files: Parameters<FileChooser['setFiles']>[0],
): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(files);
}
