/**
 * What a learner typing the seed articles meets (issue 11): Docker's detach
 * keys on a container's terminal, article 000's Python client in the
 * container's REPL, typed as the article prints it, and the host's terminal
 * answering a typo as the Docker host's bash does.
 */
import { expect, test } from './fixtures.ts';

test("the host's terminal is bash: a typo and a missing directory get bash's words", async ({ lab }) => {
  // Golden host-bash-interactive (bash -ic on the rig).
  await lab.open();
  await lab.type('dokcer ps');
  await expect(lab.terminal()).toContainText('bash: dokcer: command not found');
  await lab.type('cd /srv/nope');
  await expect(lab.terminal()).toContainText('bash: cd: /srv/nope: No such file or directory');
  await lab.type('echo $0 $?');
  await expect(lab.terminal()).toContainText('bash 1');
  await expect(lab.terminal()).toContainText('root@dockerhost:~#');
});

test('Ctrl-P Ctrl-Q detaches from docker run -it and docker attach; the container keeps running', async ({ page, lab }) => {
  test.slow(); // several commands; the machine may be shared
  await lab.open();
  await lab.type('docker run -it --name d1 busybox sh');
  const tab = page.getByRole('tab', { name: 'd1 shell' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(lab.terminal('d1')).toContainText('/ #');
  // Ctrl-P alone is held back; Ctrl-Q after it detaches (docker run prints nothing).
  await page.keyboard.press('Control+p');
  await page.keyboard.press('Control+q');
  await expect(tab).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'dockerhost' })).toHaveAttribute('aria-selected', 'true');
  await lab.type("docker ps --format '{{.Names}}: {{.Status}}'");
  await expect(lab.terminal()).toContainText('d1: Up');

  // docker attach says `read escape sequence` when it detaches.
  await lab.type('docker attach d1');
  const attached = page.getByRole('tab', { name: 'd1 shell' });
  await expect(attached).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+p');
  await page.keyboard.press('Control+q');
  await expect(attached).toHaveCount(0);
  await expect(lab.terminal()).toContainText('read escape sequence');
  await lab.type("docker inspect -f '{{.State.Status}}' d1");
  await expect(lab.terminal()).toContainText('running');
});

test('article 000: pip install redis, then python in the linked container reads and writes redis', async ({ page, lab, shot }) => {
  test.slow(); // several commands; the machine may be shared
  await lab.open();
  await lab.type('docker run -d --name cache redis:latest');
  await lab.type('docker run -itd --name py --link cache:redis_alias python:latest /bin/bash');
  await lab.type('docker exec -it py bash');
  const tab = page.getByRole('tab', { name: 'py shell' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(lab.terminal('py')).toContainText(/root@[0-9a-f]{12}:\/# /);
  await lab.type('python', 'py');
  await expect(lab.terminal('py')).toContainText('Python 3.14.7 (main,');
  await expect(lab.terminal('py')).toContainText('>>>');
  await lab.type('import redis', 'py');
  await expect(lab.terminal('py')).toContainText("ModuleNotFoundError: No module named 'redis'");
  await lab.type('exit()', 'py');
  await lab.type('pip install redis', 'py');
  await expect(lab.terminal('py')).toContainText("WARNING: Running pip as the 'root' user");
  await lab.type('python', 'py');
  await lab.type('import redis', 'py');
  await lab.type("r = redis.StrictRedis(host='redis_alias', port=6379, db=0)", 'py');
  await lab.type("r.set('data_key','data_value')", 'py');
  await expect(lab.terminal('py')).toContainText('True');
  await lab.type("r.get('data_key')", 'py');
  await expect(lab.terminal('py')).toContainText("b'data_value'");
  await shot('python-repl');
  // The trace panel shows the REPL's connection to redis, headed by the line typed at `>>>`.
  await lab.showPanel('Trace');
  await expect(page.getByText("py >>> r.get('data_key')")).toBeVisible();
  await expect(lab.outcome()).toContainText('redis-server');
  // Ctrl-D leaves Python for the shell; its exit closes the tab.
  await page.getByTestId('terminal-py').click();
  await page.keyboard.press('Control+d');
  await lab.type('exit', 'py');
  await expect(tab).toHaveCount(0);
  // The same key, seen from redis's own client.
  await lab.type('docker exec cache redis-cli get data_key');
  await expect(lab.terminal()).toContainText('data_value');
});
