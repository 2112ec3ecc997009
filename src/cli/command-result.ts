// What a command produces, before anything is written: the CLI's one output shape, so commands
// can be tested without spawning a process.
export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}
