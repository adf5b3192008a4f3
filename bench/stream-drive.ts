/**
 * Streamed drafts as a client makes them, for CPU measurements (bench/cpu-ab.ts `--stream`): on
 * each graphql-ws connection, one after the other, the mutation with `stream: true`, then the
 * `draftStream` subscription followed to its last chunk. Speaks `graphql-transport-ws` directly.
 */
import WebSocket from 'ws';
import { benchIncidentId } from './status-update-answer.js';

const mutation = `mutation BenchStream($input: DraftStatusUpdateInput!) { draftStatusUpdate(input: $input) { id state } }`;
const subscription = `subscription BenchStream($draftId: ID!) {
  draftStream(draftId: $draftId) { sequence delta replace done error { code message } draft { id state generation { provider } } }
}`;

interface Message {
  type: string;
  id?: string;
  payload?: { data?: Record<string, { id?: string; state?: string; done?: boolean; error?: unknown; draft?: { generation?: { provider?: string } | null } | null }>; errors?: unknown };
}

/** A graphql-ws connection that runs one operation at a time and hands back its messages. */
async function connect(wsUrl: string, token: string): Promise<{ run(query: string, variables: Record<string, unknown>, onNext: (message: Message) => boolean): Promise<void>; close(): void }> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
  let handler: ((message: Message) => void) | null = null;
  socket.on('message', (data: WebSocket.RawData) => handler?.(JSON.parse(data.toString()) as Message));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    handler = (message) => {
      if (message.type === 'connection_ack') resolve();
    };
  });
  let next = 0;
  return {
    /** Resolves when the operation completes; `onNext` returns false for a bad result. */
    run(query, variables, onNext) {
      const id = String((next += 1));
      return new Promise((resolve, reject) => {
        handler = (message) => {
          if (message.id !== id) return;
          if (message.type === 'next' && !onNext(message)) reject(new Error(JSON.stringify(message.payload).slice(0, 300)));
          else if (message.type === 'error') reject(new Error(JSON.stringify(message.payload).slice(0, 300)));
          else if (message.type === 'complete') resolve();
        };
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      });
    },
    close: () => socket.close(),
  };
}

/** `total` streamed drafts over `connections` graphql-ws connections; counts the bad ones. */
export async function driveStreams(url: string, token: string, total: number, connections: number): Promise<number> {
  const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;
  let started = 0;
  let bad = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const connection = await connect(wsUrl, token);
      while (started < total) {
        started += 1;
        try {
          let draftId: string | null = null;
          await connection.run(mutation, { input: { incidentId: benchIncidentId, audience: 'STAKEHOLDERS', stream: true } }, (message) => {
            const draft = message.payload?.data?.draftStatusUpdate;
            draftId = draft?.state === 'STREAMING' ? (draft.id ?? null) : null;
            return draftId !== null;
          });
          let provider: string | null = null;
          await connection.run(subscription, { draftId }, (message) => {
            const chunk = message.payload?.data?.draftStream;
            if (!chunk || message.payload?.errors || chunk.error) return false;
            if (chunk.done) provider = chunk.draft?.generation?.provider ?? null;
            return true;
          });
          if (provider !== 'openai') throw new Error(`the stream ended with provider ${provider}`);
        } catch (error) {
          if (bad === 0) process.stderr.write(`bad stream: ${(error as Error).message}\n`);
          bad += 1;
        }
      }
      connection.close();
    }),
  );
  return bad;
}
