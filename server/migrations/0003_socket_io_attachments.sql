-- @socket.io/postgres-adapter keeps binary payloads here when several app processes fan out events.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload bytea
);
