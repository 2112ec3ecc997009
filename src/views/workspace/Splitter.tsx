// A pane splitter: a focusable, labelled separator the learner drags or moves with the arrow
// keys (Home/End: the limits). It reports the new share of the space it divides.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  /** The separator's name, read out by screen readers. */
  readonly label: string;
  /** 'vertical': a bar between two columns; 'horizontal': between two rows. */
  readonly orientation: 'vertical' | 'horizontal';
  /** The first pane's share, 0..1. */
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** The element whose box the share is measured against. */
  readonly container: () => HTMLElement | null;
  onChange(value: number): void;
  readonly className?: string;
}

const STEP = 0.02;

export function Splitter({
  label,
  orientation,
  value,
  min,
  max,
  container,
  onChange,
  className,
}: SplitterProps) {
  const dragging = useRef(false);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const shareAt = (e: PointerEvent) => {
    const box = container()?.getBoundingClientRect();
    if (!box) return null;
    return orientation === 'vertical'
      ? (e.clientX - box.left) / box.width
      : (e.clientY - box.top) / box.height;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const less = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const more = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    let next: number | null = null;
    if (e.key === less) next = value - STEP;
    else if (e.key === more) next = value + STEP;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation(); // arrows here move the splitter, not the packet
    onChange(clamp(next));
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value * 100)}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      className={`splitter splitter-${orientation}${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return;
        const share = shareAt(e);
        if (share !== null) onChange(clamp(share));
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
    />
  );
}
