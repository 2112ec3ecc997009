// Monaco's YAML tokens and language configuration (the module its yaml `register` loads lazily),
// which ships without a declaration file.
declare module 'monaco-editor/languages/definitions/yaml/yaml' {
  import type { languages } from 'monaco-editor/editor';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
