// Copying text for the learner. The clipboard can refuse (no permission, an insecure page):
// callers then show the text to copy by hand.

/** Whether `text` reached the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
