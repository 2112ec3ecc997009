// Every browser test opens the lab through e2e/fixtures.ts, whose `test` waits for the lab to start
// (the page's entry loads the lab as a chunk of its own, so the load event can come first).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = join(import.meta.dirname, '../../e2e');
const specs = readdirSync(E2E).filter((f) => f.endsWith('.spec.ts'));

describe('e2e specs', () => {
  it.each(specs)('%s takes `test` from ./fixtures', (file) => {
    const text = readFileSync(join(E2E, file), 'utf8');
    expect(text).toMatch(/^import \{[^}]*\btest\b[^}]*\} from '\.\/fixtures';$/m);
    expect(text).not.toMatch(/^import \{[^}]*\btest\b[^}]*\} from '@playwright\/test';$/m);
  });
});
