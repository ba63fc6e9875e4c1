import type { Server as HttpServer } from 'node:http';
import { parse as parseCookie } from 'node:querystring';
import { Server } from 'socket.io';
import type { Actor, ActorResolver } from '../auth/actor.ts';
import { SESSION_COOKIE, sha256 } from '../auth/tokens.ts';
import type { Realtime, RoomAuthorizer } from '../context.ts';

export const userRoom = (userId: string) => `user:${userId}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const parsed = parseCookie(header.replace(/;\s*/g, '&'));
  const value = parsed[name];
  return typeof value === 'string' ? decodeURIComponent(value) : undefined;
}

/** What a connected socket carries: its actor, and the topic each module room was joined by. */
interface SocketData {
  actor: Actor;
  topics?: Record<string, string>;
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

  /** The room one of the modules' authorizers gives this actor for a topic, or null. */
  const roomFor = async (actor: Actor, topic: string): Promise<string | null> => {
    for (const authorize of authorizers) {
      const room = await authorize(actor, topic).catch(() => null);
      if (room) return room;
    }
    return null;
  };

  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.actor.userId));
    socket.data.topics = {};
    // `subscribe` joins a module's room only when one of the modules' authorizers says which; the
    // answer never carries data, so a refused topic reveals nothing. The topic is kept with the room:
    // every delivery to the room asks again (see toRoom).
    socket.on('subscribe', async (topic: unknown, ack?: (answer: { ok: boolean }) => void) => {
      const room = typeof topic === 'string' && topic.length <= 200 ? await roomFor(socket.data.actor, topic) : null;
      if (room && typeof topic === 'string') {
        socket.data.topics = { ...socket.data.topics, [room]: topic };
        await socket.join(room);
      }
      if (typeof ack === 'function') ack({ ok: Boolean(room) });
    });
  });

  /**
   * Delivers to a room's sockets (in every process, through the adapter) only those still allowed in
   * it: the authorizer is asked again for each socket's own topic, and a socket that lost the right (a
   * ticket moved to a component the agent does not staff, say) leaves the room instead of receiving.
   * Deliveries to one room are sent in order.
   */
  const queues = new Map<string, Promise<void>>();
  const deliver = async (room: string, event: string, payload: unknown) => {
    // One check per user and topic, however many tabs (sockets) the user has in the room.
    const checks = new Map<string, Promise<boolean>>();
    for (const socket of await io.in(room).fetchSockets()) {
      const { actor, topics } = socket.data as SocketData;
      const topic = topics?.[room];
      const key = `${actor.userId}\n${topic}`;
      if (topic && !checks.has(key)) checks.set(key, roomFor(actor, topic).then((r) => r === room));
      if (topic && (await checks.get(key))) socket.emit(event, payload);
      else socket.leave(room);
    }
  };

  return {
    io,
    toUser(userId, event, payload) {
      io.to(userRoom(userId)).emit(event, payload);
    },
    disconnectUser(userId) {
      io.in(userRoom(userId)).disconnectSockets(true);
    },
    toRoom(room, event, payload) {
      const next = (queues.get(room) ?? Promise.resolve()).then(() => deliver(room, event, payload)).catch(() => undefined);
      queues.set(room, next);
      void next.then(() => {
        if (queues.get(room) === next) queues.delete(room);
      });
    },
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
