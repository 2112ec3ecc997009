// Lesson progress is read entry by entry: one malformed lesson entry (a negative hint count, a
// string for a boolean) is set aside, kept, and said once; the other lessons' progress stays.
import { expect, test } from './fixtures';
import { lessonItem } from './locate';

const GOOD = { seen: ['intro'], solved: true, answers: {}, right: {}, hints: 0, solutionShown: false };
const BAD = { hints: -3, solved: 'yes' };

test('a malformed lesson entry is set aside and said once; the others stay done across reloads', async ({
  page,
}) => {
  await page.goto('/');
  await page.evaluate(
    ([good, bad]) => {
      localStorage.setItem(
        'netlab.lessons.progress.v1',
        JSON.stringify({ 'a-01-no-policy-no-isolation': good, 'a-02-two-isolations': bad }),
      );
    },
    [GOOD, BAD] as const,
  );
  // A new visit, straight to the lesson list (the lesson service reads the saved progress).
  await page.goto('/?visit=2#/lessons');
  const said = page.getByText(/^One lesson entry could not be read \("a-02-two-isolations": "solved"/);
  await expect(said).toBeVisible();
  await expect(said).toContainText('set aside, not deleted');
  await expect(lessonItem(page, 'A1')).toContainText('Done');
  expect(
    await page.evaluate(() => JSON.parse(localStorage.getItem('netlab.lessons.setAside.v1') ?? 'null')),
  ).toEqual({ 'a-02-two-isolations': BAD });

  await page.reload();
  await expect(lessonItem(page, 'A1')).toContainText('Done');
  await expect(page.getByText(/could not be read/)).toHaveCount(0);
});
