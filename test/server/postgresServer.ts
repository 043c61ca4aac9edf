// Starts a throwaway PostgreSQL (Debian's postgresql package) for the Postgres store's tests: initdb in a temporary
// directory, the server on a free loopback port (its socket in that directory too), stopped by its PID, then removed.
// PostgreSQL refuses to run as root, so as root both run as the `postgres` user through runuser.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/freePort.js';

export interface RunningPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication: a throwaway cluster). */
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** initdb's folder: on PATH, else Debian's /usr/lib/postgresql/<version>/bin (not on PATH by default), newest first. */
function binDir(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(join(root, version, 'bin/initdb'))) return join(root, version, 'bin');
  throw new Error('PostgreSQL is not installed (apt-get install postgresql): initdb was found neither on PATH nor in /usr/lib/postgresql/*/bin');
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = binDir();
  const dir = await mkdtemp(join(tmpdir(), 'voucherkit-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const command = (file: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]);
  const [initFile, initArgs] = command(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  execFileSync(initFile, initArgs, { stdio: 'pipe' });

  const port = await freePort();
  // Durability is not under test: fsync off keeps a test run quick on a shared machine.
  const serverArgs = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=60'];
  const [serverFile, args] = command(join(bin, 'postgres'), serverArgs);
  const child = spawn(serverFile, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`postgres did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`postgres could not be started: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited with ${code}:\n${output}`));
    });
  });
  // The postmaster's own PID (runuser stands between it and us as root): its first line of postmaster.pid.
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    pid,
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, nothing waits for clients to leave.
      if (alive(pid)) process.kill(pid, 'SIGINT');
      for (let waited = 0; alive(pid) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
