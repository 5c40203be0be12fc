/** Where a command writes; process.stdout / process.stderr in the program. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
  /** Progress is shown only when this is a TTY (stderr: never mixed into stdout). */
  readonly stderr: NodeJS.WriteStream;
}
