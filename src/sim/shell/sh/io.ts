/**
 * Where a shell's file descriptors lead while it runs: the terminal's stdout
 * and stderr (kept as one ordered stream, so that `echo a; nosuch; echo b`
 * prints in the order it happened), a pipe or `$(...)` buffer, a file, or
 * nowhere; and the standard input a builtin like `read` consumes line by line.
 */
import type { FileSystem } from '../fs.ts';

export interface Sink {
  write(text: string): void;
}

/** What reached the terminal, in order. */
export class Terminal {
  readonly chunks: { fd: 1 | 2; text: string }[] = [];
  readonly stdout: Sink = { write: (text) => this.push(1, text) };
  readonly stderr: Sink = { write: (text) => this.push(2, text) };

  private push(fd: 1 | 2, text: string): void {
    if (text === '') return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.fd === fd) last.text += text;
    else this.chunks.push({ fd, text });
  }

  /** What was printed since the last drain (see `result`), then forgotten. */
  drain(): { stdout: string; stderr: string; stderrFirst: boolean } {
    const result = this.result();
    this.chunks.length = 0;
    return result;
  }

  /** stdout and stderr apart, and whether all of stderr came before any stdout (a terminal shows it so). */
  result(): { stdout: string; stderr: string; stderrFirst: boolean } {
    let stdout = '';
    let stderr = '';
    for (const c of this.chunks) {
      if (c.fd === 1) stdout += c.text;
      else stderr += c.text;
    }
    const firstOut = this.chunks.findIndex((c) => c.fd === 1);
    const lastErr = this.chunks.map((c) => c.fd).lastIndexOf(2);
    return { stdout, stderr, stderrFirst: stdout !== '' && lastErr >= 0 && lastErr < firstOut };
  }
}

export class Capture implements Sink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

export class FileSink implements Sink {
  constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
  ) {}
  write(text: string): void {
    if (text !== '') this.fs.write(this.path, text, true);
  }
}

export const NULL_SINK: Sink = { write: () => undefined };

/** A standard input: builtins read it line by line; other commands are given what is left. */
export class Input {
  pos = 0;
  constructor(readonly data: string) {}

  rest(): string {
    return this.data.slice(this.pos);
  }

  /** The next line without its newline, and whether a newline ended it; undefined at the end. */
  readLine(): { text: string; ended: boolean } | undefined {
    if (this.pos >= this.data.length) return undefined;
    const nl = this.data.indexOf('\n', this.pos);
    if (nl < 0) {
      const text = this.data.slice(this.pos);
      this.pos = this.data.length;
      return { text, ended: false };
    }
    const text = this.data.slice(this.pos, nl);
    this.pos = nl + 1;
    return { text, ended: true };
  }
}
