import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import type { Agent, TestApp } from './harness.ts';

export interface TestSockets {
  /** The app's loopback origin, e.g. http://127.0.0.1:41234. */
  base: string;
  /** A socket with exactly these handshake headers: resolves once connected, rejects with the server's refusal. */
  connect(headers: Record<string, string>): Promise<Socket>;
  /** A browser tab's socket: the agent's session cookie and the app's own origin. */
  asBrowser(agent: Agent): Promise<Socket>;
  /** Closes every socket opened here (call before t.stop()). */
  close(): void;
}

/** Puts the test app on a free loopback port so real Socket.IO clients can reach it. */
export async function listenForSockets(t: TestApp): Promise<TestSockets> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  function connect(headers: Record<string, string>): Promise<Socket> {
    const socket = io(base, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => reject(error));
    });
  }
  return {
    base,
    connect,
    asBrowser: (agent) => connect({ cookie: agent.cookie!, origin: base }),
    close: () => {
      for (const socket of sockets) socket.close();
    },
  };
}

/** Joins a room; the server acknowledges with { ok } (false when the user may not see it). */
export const subscribe = (socket: Socket, topic: string) => socket.emitWithAck('subscribe', topic) as Promise<{ ok: boolean }>;
