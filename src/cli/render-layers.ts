// `netlab layers`: each image's layers with sizes and whether the build cache reused them, the
// session's effects (copy-up, volumes, docker rm), for people and as JSON.
import { formatDiagnostic } from '../lib/diagnostic';
import { type Locale } from '../lib/text';
import type { ManifestFile } from '../k8s/source';
import { formatByteSize } from '../storage/byte-size';
import { TREE_NOTE, type TreeNode } from '../storage/docker-tree';
import { loadLayersLab, type LayersLab } from '../storage/layers-lab';
import { effectText, layerText, sizeText } from '../storage/layers-text';
import { LAYER_SIMPLIFICATIONS } from '../storage/simplifications';
import type { CliArgs } from './args';
import { clean } from './render-storage';
import type { CommandResult } from './command-result';

function treeLines(node: TreeNode, locale: Locale, indent = ''): string[] {
  const note = node.note ? `   # ${clean(node.note[locale])}` : '';
  return [
    `${indent}${clean(node.name)}${node.dir ? '/' : ''}${note}`,
    ...node.children.flatMap((c) => treeLines(c, locale, `${indent}  `)),
  ];
}

export function layersText(lab: LayersLab, locale: Locale): string {
  const ko = locale === 'ko';
  const out: string[] = [];
  for (const image of lab.builds) {
    const unknown =
      image.unknownSizes > 0
        ? ko
          ? ` (크기 모르는 단계 ${image.unknownSizes}개)`
          : ` (${image.unknownSizes} step(s) of unknown size)`
        : '';
    out.push(
      ko
        ? `이미지 ${clean(image.tag)} (${clean(image.file)}): ${formatByteSize(image.size)}${unknown}`
        : `Image ${clean(image.tag)} (${clean(image.file)}): ${formatByteSize(image.size)}${unknown}`,
    );
    const width = Math.max(...image.layers.map((l) => clean(l.createdBy).length));
    [...image.layers].reverse().forEach((l) => {
      const status = l.status.toUpperCase().padEnd(7);
      out.push(
        `  ${status} ${sizeText(l).padStart(6)}  ${clean(l.createdBy).padEnd(width)}  ${clean(layerText(l)[locale])}`,
      );
    });
    if (image.contextUnknown)
      out.push(
        ko
          ? '  (빌드 컨텍스트를 모릅니다: COPY/ADD는 바뀌지 않은 파일을 복사한다고 봅니다)'
          : '  (build context not given: COPY/ADD taken as copying unchanged files)',
      );
    out.push('');
  }
  if (lab.scripted) {
    out.push(ko ? '세션' : 'Session');
    for (const step of lab.host.steps) {
      out.push(`  $ ${clean(step.command.text)}`);
      for (const e of step.effects) out.push(`      ${clean(effectText(e)[locale])}`);
    }
    out.push('', ...treeLines(lab.tree, locale), `  (${clean(TREE_NOTE[locale])})`, '');
  }
  out.push(ko ? 'netlab이 단순화한 부분' : 'Where netlab simplifies');
  for (const n of LAYER_SIMPLIFICATIONS) out.push(`  - ${clean(n[locale])}`);
  return out.join('\n') + '\n';
}

export function layersJson(lab: LayersLab): string {
  const images = lab.builds.map((b) => ({
    tag: b.tag,
    file: b.file,
    size: b.size,
    unknownSizes: b.unknownSizes,
    contextUnknown: b.contextUnknown,
    layers: b.layers.map((l) => ({
      createdBy: l.createdBy,
      ...(l.instruction ? { line: l.instruction.line } : {}),
      size: l.size ?? null,
      empty: l.empty,
      status: l.status,
      ...(l.cachedFrom ? { cachedFrom: `${l.cachedFrom.file}:${l.cachedFrom.line}` } : {}),
      ...(l.rebuild ? { rebuild: l.rebuild } : {}),
      ...(l.changedFrom ? { changedFrom: `${l.changedFrom.file}:${l.changedFrom.line}` } : {}),
      text: layerText(l),
    })),
  }));
  const session = lab.scripted
    ? lab.host.steps.map((s) => ({
        command: s.command.text,
        line: s.command.at.line,
        effects: s.effects.map((e) => ({ kind: e.kind, text: effectText(e) })),
      }))
    : [];
  return (
    JSON.stringify(
      { images, session, tree: lab.scripted ? lab.tree : null, notes: LAYER_SIMPLIFICATIONS },
      null,
      2,
    ) + '\n'
  );
}

export function runLayers(args: CliArgs, files: readonly ManifestFile[]): CommandResult {
  const lab = loadLayersLab(files);
  const diagnostics = lab.diagnostics.map((d) => formatDiagnostic(d, args.lang) + '\n').join('');
  if (lab.hasErrors) return { stdout: '', stderr: diagnostics, code: 1 };
  return { stdout: args.json ? layersJson(lab) : layersText(lab, args.lang), stderr: diagnostics, code: 0 };
}
