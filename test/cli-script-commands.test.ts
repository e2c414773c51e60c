/**
 * A script file is read as `sh script.sh` reads it: a here-document, a loop or an open
 * quote spans lines, so a tutorial's script runs as pasted (the rig's record.sh, whose
 * golden scripts go through scriptLines, runs every line on its own instead).
 */
import { describe, expect, it } from 'vitest';
import { runDoc } from '../src/cli/run.ts';
import { scriptDoc } from '../src/cli/scenario-file.ts';
import { formatTranscript, scriptCommands, scriptLines } from '../src/cli/transcript.ts';

const SCRIPT = `# write a file, then loop over it
cat > hosts.txt <<'EOF'
alpha

# not a comment here
  indented
EOF
for name in $(cat hosts.txt); do
  echo "host: $name"
done
echo 'two
lines' | wc -l
echo done
`;

describe('script files', () => {
  it('keeps a here-document, a loop and a quoted newline each in one command', () => {
    expect(scriptCommands(SCRIPT)).toEqual([
      "cat > hosts.txt <<'EOF'\nalpha\n\n# not a comment here\n  indented\nEOF",
      'for name in $(cat hosts.txt); do\n  echo "host: $name"\ndone',
      "echo 'two\nlines' | wc -l",
      'echo done',
    ]);
    // The rig's format: one command per line, as record.sh runs them.
    expect(scriptLines(SCRIPT)).toHaveLength(10);
  });

  it('runs them as the shell would, showing the further lines after "> "', () => {
    const text = formatTranscript(runDoc(scriptDoc(SCRIPT)).entries);
    expect(text).toBe(
      "$ cat > hosts.txt <<'EOF'\n> alpha\n> \n> # not a comment here\n>   indented\n> EOF\n" +
        '$ for name in $(cat hosts.txt); do\n>   echo "host: $name"\n> done\nhost: alpha\nhost: #\nhost: not\nhost: a\nhost: comment\nhost: here\nhost: indented\n' +
        "$ echo 'two\n> lines' | wc -l\n2\n" +
        '$ echo done\ndone\n',
    );
  });

  // The shell reads the command from its input as `printf '…' | dash` does (dash counts the empty last line: 3).
  it('runs an unfinished command at the end, for the shell to report', () => {
    const text = formatTranscript(runDoc(scriptDoc('echo start\nfor i in 1 2; do\n  echo $i\n')).entries);
    expect(text).toBe('$ echo start\nstart\n$ for i in 1 2; do\n>   echo $i\n> \nsh: 3: Syntax error: end of file unexpected (expecting "done")\n[exit 2]\n');
  });
});
