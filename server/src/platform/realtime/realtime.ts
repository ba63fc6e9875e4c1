import type { Server as HttpServer } from 'node:http';
import { parse as parseCookie } from 'node:querystring';
import { Server } from 'socket.io';
import type { ActorResolver } from '../auth/actor.ts';
import { SESSION_COOKIE, sha256 } from '../auth/tokens.ts';
import type { Realtime, RoomAuthorizer } from '../context.ts';

export const userRoom = (userId: string) => `user:${userId}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const parsed = parseCookie(header.replace(/;\s*/g, '&'));
  const value = parsed[name];
  return typeof value === 'string' ? decodeURIComponent(value) : undefined;
}

export interface RealtimeServer extends Omit<Realtime, 'addRoomAuthorizer'> {
  io: Server;
  close(): Promise<void>;
}

/**
 * Socket.IO authenticated by the session cookie, origin-checked, one room per user. Sessions are
 * re-checked on connect; deactivation disconnects every socket of the user at once.
 */
export function createRealtime(
  httpServer: HttpServer,
  resolver: ActorResolver,
  allowedOrigins: Set<string>,
  adapter?: Parameters<Server['adapter']>[0],
  authorizers: RoomAuthorizer[] = [],
): RealtimeServer {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    cors: undefined,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      const own = req.headers.host ? [`http://${req.headers.host}`, `https://${req.headers.host}`] : [];
      callback(null, !origin || own.includes(origin) || allowedOrigins.has(origin));
    },
  });
  if (adapter) io.adapter(adapter);

  io.use(async (socket, next) => {
    try {
      const cookie = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
      const actor = cookie ? await resolver.fromSession(sha256(cookie)) : null;
      if (!actor) return next(new Error('unauthenticated'));
      socket.data.actor = actor;
      next();
    } catch {
      next(new Error('unauthenticated'));
    }
  });

  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.actor.userId));
    // `subscribe` joins a module's room only when one of the modules' authorizers says which; the
    // answer never carries data, so a refused topic reveals nothing.
    socket.on('subscribe', async (topic: unknown, ack?: (answer: { ok: boolean }) => void) => {
      let room: string | null = null;
      if (typeof topic === 'string' && topic.length <= 200) {
        for (const authorize of authorizers) {
          room = await authorize(socket.data.actor, topic).catch(() => null);
          if (room) break;
        }
      }
      if (room) await socket.join(room);
      if (typeof ack === 'function') ack({ ok: Boolean(room) });
    });
  });

  return {
    io,
    toUser(userId, event, payload) {
      io.to(userRoom(userId)).emit(event, payload);
    },
    disconnectUser(userId) {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    toRoom(room, event, payload) {
      io.to(room).emit(event, payload);
    },
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
