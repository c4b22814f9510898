/**
 * `npm run emulator:memory`: what a flood of made-up sign-in names costs the local user pool's process
 * (docs/cognito-behaviour.md §1.1). The pool runs in a child process of its own (started with --expose-gc), so
 * the figures are the pool's alone and not those of the client sending the requests. It reports the child's RSS
 * and heap after start-up, then for each run of 300 InitiateAuth requests with distinct usernames (1 MB names,
 * which the model refuses, §0.6, and 128-character names, valid and unknown; USER_PASSWORD_AUTH and
 * USER_SRP_AUTH) its memory right after the run and after a forced garbage collection.
 *
 * A measurement, not a test: it prints the figures and exits non-zero only when it cannot measure.
 * Options (environment): MEMORY_REQUESTS (requests per run, default 300).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/server.ts';
import { srpInternals } from '../emulator/srp.ts';

const CLIENT_ID = 'localdemoappclient00000001';
const REQUESTS = Math.max(1, Number(process.env.MEMORY_REQUESTS ?? 300) || 300);
const MB = 1024 * 1024;

type Memory = Pick<NodeJS.MemoryUsage, 'rss' | 'heapUsed' | 'heapTotal' | 'external' | 'arrayBuffers'>;
type FromPool = { kind: 'ready'; url: string } | { kind: 'memory'; memory: Memory };
type ToPool = { kind: 'measure'; collect: boolean };

// ---------------------------------------------------------------------------------------------------------------
// The child: the pool, answering memory readings over IPC.

async function runPool(): Promise<void> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('the pool process needs --expose-gc');
  const emulator = await startEmulator({ port: 0 });
  const send = (message: FromPool) => process.send?.(message);
  process.on('message', (message: ToPool) => {
    if (message.kind !== 'measure') return;
    void (async () => {
      if (message.collect) {
        // Twice, a turn apart, so objects freed by finalisers of the first pass go in the second.
        collect();
        await new Promise((resolve) => setImmediate(resolve));
        collect();
      }
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      send({ kind: 'memory', memory: { rss, heapUsed, heapTotal, external, arrayBuffers } });
    })();
  });
  process.on('disconnect', () => void emulator.close().finally(() => process.exit(0)));
  send({ kind: 'ready', url: emulator.url });
}

// ---------------------------------------------------------------------------------------------------------------
// The parent: starts the pool, sends the runs, prints the figures.

function nextMessage<K extends FromPool['kind']>(child: ChildProcess, kind: K): Promise<Extract<FromPool, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromPool) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<FromPool, { kind: K }>);
    };
    const onExit = (code: number | null) => reject(new Error(`the pool process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function measure(child: ChildProcess, collect: boolean): Promise<Memory> {
  const reply = nextMessage(child, 'memory');
  child.send({ kind: 'measure', collect } satisfies ToPool);
  return (await reply).memory;
}

/** A genuine SRP_A (g^a mod N for a random a), as a client's first step sends it (§3.2). */
function srpA(): string {
  const { N, g, modPow } = srpInternals;
  const a = BigInt(`0x${randomBytes(128).toString('hex')}`);
  return modPow(g, a, N).toString(16);
}

/** `<index>-xxx…`, exactly `length` characters, different for every index. */
function username(index: number, length: number): string {
  const prefix = `${index}-`;
  return prefix + 'x'.repeat(length - prefix.length);
}

interface Run {
  label: string;
  flow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH';
  nameLength: number;
}

const RUNS: readonly Run[] = [
  { label: '1 MB names, USER_PASSWORD_AUTH', flow: 'USER_PASSWORD_AUTH', nameLength: 1_000_000 },
  { label: '1 MB names, USER_SRP_AUTH', flow: 'USER_SRP_AUTH', nameLength: 1_000_000 },
  { label: '128-character names, USER_PASSWORD_AUTH', flow: 'USER_PASSWORD_AUTH', nameLength: 128 },
  { label: '128-character names, USER_SRP_AUTH', flow: 'USER_SRP_AUTH', nameLength: 128 },
];

/** Sends the run's requests one after another; returns how the pool answered them, counted. */
async function send(url: string, run: Run, offset: number): Promise<Map<string, number>> {
  const answers = new Map<string, number>();
  const A = srpA();
  for (let index = 0; index < REQUESTS; index += 1) {
    const USERNAME = username(offset + index, run.nameLength);
    const AuthParameters = run.flow === 'USER_SRP_AUTH' ? { USERNAME, SRP_A: A } : { USERNAME, PASSWORD: 'Wrong-Passw0rd!' };
    const response = await fetch(`${url}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: JSON.stringify({ AuthFlow: run.flow, ClientId: CLIENT_ID, AuthParameters }),
    });
    const body = (await response.json()) as { __type?: string; ChallengeName?: string };
    const answer = `${response.status} ${body.__type ?? body.ChallengeName ?? 'tokens'}`;
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
  }
  return answers;
}

const mb = (bytes: number) => (bytes / MB).toFixed(1).padStart(12);
const row = (label: string, memory: Memory) =>
  `${label.padEnd(52)}${mb(memory.rss)}${mb(memory.heapUsed)}${mb(memory.heapTotal)}${mb(memory.external)}`;

async function runParent(): Promise<void> {
  // The child runs under the same loader as this script (tsx), with the garbage collector exposed.
  const child = fork(fileURLToPath(import.meta.url), ['--pool'], { execArgv: [...process.execArgv, '--expose-gc'] });
  try {
    const { url } = await nextMessage(child, 'ready');
    const startUp = await measure(child, true);
    console.log(`Local pool at ${url}, process ${child.pid}; ${REQUESTS} InitiateAuth requests per run, one at a time.`);
    console.log('Memory of the pool process in MiB (after GC: two forced collections).\n');
    console.log(`${''.padEnd(52)}${['RSS', 'heap used', 'heap total', 'external'].map((title) => title.padStart(12)).join('')}`);
    console.log(row('after start-up (after GC)', startUp));
    let last = startUp;
    for (const [position, run] of RUNS.entries()) {
      const started = performance.now();
      const answers = await send(url, run, position * REQUESTS);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const after = await measure(child, false);
      const collected = await measure(child, true);
      const tally = [...answers].map(([answer, count]) => `${count} × ${answer}`).join(', ');
      console.log(`\n${run.label} (${seconds} s; answers: ${tally})`);
      console.log(row('  right after the run', after));
      console.log(row('  after GC', collected));
      console.log(`  RSS after GC ${signed(collected.rss - last.rss)} MiB since the previous reading, heap ${signed(collected.heapUsed - last.heapUsed)} MiB`);
      last = collected;
    }
    console.log(`\nIn all, after GC: RSS ${signed(last.rss - startUp.rss)} MiB and heap ${signed(last.heapUsed - startUp.heapUsed)} MiB since start-up.`);
  } finally {
    if (child.connected) child.disconnect();
  }
}

const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${Math.abs(bytes / MB).toFixed(1)}`;

const work = process.argv.includes('--pool') ? runPool() : runParent();
work.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
