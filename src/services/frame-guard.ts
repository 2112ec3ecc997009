// The full lab inside another site's frame could be clicked through by a page the learner cannot
// see (clickjacking) or fed links it did not choose. It refuses to start there: only the embed
// view (`?embed=1`) is made for framing. A frame on the lab's own origin is fine.

/** Whether `win` is a frame of a page from another origin (or one it may not even look at). */
export function isForeignFrame(win: Window): boolean {
  try {
    if (win.top === win.self) return false;
    return win.top!.location.origin !== win.location.origin;
  } catch {
    return true; // reading a cross-origin parent's location throws
  }
}

/** In place of the lab: what happened, and a link that opens it in a tab of its own. */
export function showFramedNotice(root: HTMLElement, win: Window): void {
  const ko = (win.navigator.languages ?? [win.navigator.language]).some((l) =>
    l.toLowerCase().startsWith('ko'),
  );
  const p = win.document.createElement('p');
  p.className = 'framed-notice';
  p.setAttribute('role', 'alert');
  p.textContent = ko
    ? 'netlab은 다른 사이트의 페이지 안에서는 열리지 않습니다(강의 페이지에 넣으려면 ?embed=1 임베드 보기를 쓰세요). '
    : 'netlab does not run inside another site’s page (to put it in a course page, use the ?embed=1 embed view). ';
  const a = win.document.createElement('a');
  a.href = win.location.href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = ko ? '새 탭에서 netlab 열기' : 'Open netlab in a tab of its own';
  p.append(a);
  root.replaceChildren(p);
}
