// The one module that loads Monaco. Only the lazy editor reaches it, so Monaco never lands in the
// first-load bundle. Slim entries (API + editor features + YAML tokens), workers through Vite's
// `?worker`, and monaco-yaml configured once with netlab's bundled schema.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import { conf as yamlConf, language as yamlTokens } from 'monaco-editor/languages/definitions/yaml/yaml';
// oxlint-disable-next-line import/default -- Vite's ?worker suffix (typed by vite/client)
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
// oxlint-disable-next-line import/default -- as above
import YamlWorker from '../../../yaml.worker?worker';
import { SCENARIO_FILE_MATCH, SCENARIO_SCHEMA, SCENARIO_SCHEMA_URI } from './schemas';

let configured = false;

/**
 * YAML colours without monaco-yaml's schema work (validation, completion, hovers, folding, symbols),
 * for texts too big to have them re-done on every keystroke (see create-yaml-editor).
 */
export const LARGE_YAML_LANGUAGE = 'yaml-large';

/** Workers and monaco-yaml, once per page; returns the Monaco API. */
export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;

  self.MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };

  // monaco-worker-manager 2.0.1 still calls createWebWorker({ label, moduleId, createData }), which
  // Monaco ≥0.55 no longer understands (monaco-yaml #272): no YAML markers at all. Hand monaco-yaml
  // a copy of the API whose createWebWorker starts the YAML worker itself.
  const yamlMonaco = {
    ...monaco,
    editor: {
      ...monaco.editor,
      createWebWorker: ({ createData }: { createData: unknown }) => {
        const worker = new YamlWorker();
        worker.postMessage('ignore'); // the first message boots the worker manager
        worker.postMessage(createData); // the second carries the schemas and options
        return monaco.editor.createWebWorker({ worker });
      },
    },
  };
  monaco.languages.register({ id: LARGE_YAML_LANGUAGE, aliases: ['YAML'] });
  monaco.languages.setLanguageConfiguration(LARGE_YAML_LANGUAGE, yamlConf);
  monaco.languages.setMonarchTokensProvider(LARGE_YAML_LANGUAGE, yamlTokens);
  configureMonacoYaml(yamlMonaco as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false,
    hoverSchemaSource: false,
    completion: true,
    hover: true,
    validate: true,
    schemas: [{ uri: SCENARIO_SCHEMA_URI, fileMatch: SCENARIO_FILE_MATCH, schema: SCENARIO_SCHEMA }],
  });
  return monaco;
}
