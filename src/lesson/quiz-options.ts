// The options of a quiz check, read the same way in every lab: at least two, each a mapping with
// an optional `id` (a, b, c… when left out, never twice), an optional `text`, and one answer field
// (`flow` in the network lab, `fact` in the storage labs) that `answer` decodes.
import type { FieldPath } from '../k8s/source';
import { josa } from '../lib/korean';
import { t, type LocalText } from '../lib/text';
import { quote } from '../lib/user-text';
import type { Dict, FieldReader } from './field-reader';

export interface QuizOption<T> {
  readonly id: string;
  readonly text: LocalText | undefined;
  readonly answer: T;
}

export function readQuizOptions<T>(
  r: FieldReader,
  value: unknown,
  path: FieldPath,
  answerField: string,
  answer: (raw: unknown, at: FieldPath) => T | undefined,
): QuizOption<T>[] {
  const list = r.list(value, [...path, 'options']) ?? [];
  if (list.length < 2)
    r.error('quiz', [...path, 'options'], t('give at least two options', '선택지를 두 개 이상 쓰세요'));
  const ids = new Set<string>();
  const out: QuizOption<T>[] = [];
  list.forEach((raw, i) => {
    const op = [...path, 'options', i];
    const o: Dict | undefined = r.map(raw, op);
    if (!o) return;
    r.fields(o, op, ['id', 'text', answerField]);
    const id = r.string(o.id, [...op, 'id']) ?? String.fromCharCode(97 + i);
    if (ids.has(id))
      r.error(
        'duplicate-id',
        [...op, 'id'],
        t(`option id ${quote(id)} is used twice`, `선택지 id ${josa(quote(id), '이/가')} 두 번 쓰였습니다`),
      );
    ids.add(id);
    const text = o.text === undefined ? undefined : r.localText(o.text, [...op, 'text']);
    if (!r.need(o, answerField, op)) return;
    const decoded = answer(o[answerField], [...op, answerField]);
    if (decoded !== undefined) out.push({ id, text, answer: decoded });
  });
  return out;
}
