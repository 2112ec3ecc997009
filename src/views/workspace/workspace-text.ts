// Words of the one-screen workspace (header scenario name, pane splitters, predict-first mode,
// the lesson's comparison point), in English and Korean.
import { useNetlab } from '../use-netlab';

const en = {
  scenarioLabel: 'Scenario',
  scenarioDefault: 'Built-in example',
  scenarioOwn: 'Your scenario',
  scenarioLink: 'Shared link',
  scenarioEdited: 'edited',
  resizeSide: 'Resize the graph and the editor columns',
  resizeGraph: 'Resize the graph and the panels below it',
  resizeEditor: 'Resize the editor and the matrix',
  compareLesson: 'Marks show what changed since this step’s scenario was loaded ({count} cells, all ports).',
  predict: 'Predict first',
  predictHelp:
    'Verdicts are hidden. Guess together, then reveal one cell at a time: click it, or press N for the next one.',
  hidden: 'hidden',
  revealCell: 'reveal',
  revealNext: 'Reveal next',
  revealAll: 'Reveal all',
};

const ko: typeof en = {
  scenarioLabel: '시나리오',
  scenarioDefault: '기본 예제',
  scenarioOwn: '내 시나리오',
  scenarioLink: '공유 링크',
  scenarioEdited: '수정됨',
  resizeSide: '그래프 열과 편집기 열의 너비 조절',
  resizeGraph: '그래프와 그 아래 패널의 높이 조절',
  resizeEditor: '편집기와 도달 가능성 표의 높이 조절',
  compareLesson: '표시는 이 단계의 시나리오를 불러온 뒤에 바뀐 칸입니다(모든 포트에서 {count}칸).',
  predict: '먼저 예측하기',
  predictHelp:
    '판정을 가렸습니다. 함께 예측한 뒤 칸을 하나씩 공개하세요. 칸을 누르거나 N 키를 누르면 다음 칸이 열립니다.',
  hidden: '가려짐',
  revealCell: '공개',
  revealNext: '다음 칸 공개',
  revealAll: '모두 공개',
};

export type WorkspaceText = typeof en;
export const WORKSPACE_TEXT: Record<'en' | 'ko', WorkspaceText> = { en, ko };

export function useWorkspaceText(): WorkspaceText {
  return WORKSPACE_TEXT[useNetlab((s) => s.locale)];
}
