/** `-m comment --comment TEXT`: always matches; shown as a C comment in `-L`. */
import { paramError } from '../errors.ts';
import { saveString } from '../quote.ts';
import type { Match, MatchModule } from './types.ts';

class CommentMatch implements Match {
  readonly name = 'comment';
  constructor(private readonly text: string) {}
  save(): string {
    return ` --comment${saveString(this.text)}`;
  }
  print(): string {
    return ` /* ${this.text} */`;
  }
  test(): boolean {
    return true;
  }
}

export const commentMatch: MatchModule = {
  name: 'comment',
  families: [4, 6],
  create() {
    let text: string | undefined;
    return {
      options: { comment: 1 },
      parse(_o, args, inv) {
        if (inv) throw paramError('Unexpected `!\' after --comment');
        // The kernel keeps 255 bytes (XT_MAX_COMMENT_LEN 256 with its NUL).
        text = (args[0] ?? '').slice(0, 255);
      },
      finish() {
        if (text === undefined) throw paramError('comment: option "--comment" must be specified');
        return new CommentMatch(text);
      },
    };
  },
};
