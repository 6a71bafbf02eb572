// Starts `orgsim serve` on a free loopback port over a sandbox's world.
import { execa, type ResultPromise } from 'execa';
import { BIN, type Sandbox } from './helpers.js';

export interface RunningServer {
  url: string;
  process: ResultPromise;
  stop(): Promise<number | undefined>;
}

export async function startServer(box: Sandbox, extraEnv: Record<string, string> = {}, args: string[] = []): Promise<RunningServer> {
  const child = execa(BIN, ['serve', '--port', '0', ...args], { env: box.env(extraEnv), extendEnv: false, reject: false, buffer: false });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`orgsim serve exited early (${code})`)));
  });
  return {
    url,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      const result = await child;
      return result.exitCode;
    },
  };
}

/** A raw request to the server, signed only as far as orgsim looks (the access key id). */
export async function post(url: string, target: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSOrganizationsV20161128.${target}`,
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIAORGSIMBILL000000/20261121/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0',
      ...headers,
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
