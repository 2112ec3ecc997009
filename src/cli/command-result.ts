// What a command produces, before anything is written: the CLI's one output shape, so commands
// can be tested without spawning a process.
/** What a command prints: one text, or pieces produced one after another (a big matrix). */
export type Printed = string | Iterable<string>;

export interface CommandResult {
  /** Written as it is produced (a big matrix is never one string). */
  readonly stdout: Printed;
  readonly stderr: string;
  readonly code: number;
}
