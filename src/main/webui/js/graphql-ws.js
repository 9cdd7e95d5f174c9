// A client of the graphql-transport-ws protocol (the protocol of the graphql-ws library), small enough to read:
// connection_init with the caller's token, subscribe/next/error/complete per operation id, ping answered with
// pong. When the socket closes it reports 'down', reconnects with a fresh payload and subscribes again.

export const PROTOCOL = 'graphql-transport-ws';

export function createClient({ url, connectionParams = async () => ({}), WebSocketImpl = WebSocket, onStatus = () => {}, retryMillis = 2000 }) {
  const active = new Map(); // id -> { payload, sink }
  let socket = null;
  let acknowledged = false;
  let disposed = false;
  let nextId = 1;
  let retry = null;
  let connecting = false;

  const send = message => socket.send(JSON.stringify(message));

  async function connect() {
    if (disposed || socket || connecting) return;
    connecting = true;
    acknowledged = false;
    onStatus('connecting');
    let payload;
    try {
      payload = await connectionParams();
    } finally {
      connecting = false;
    }
    if (disposed) return;
    socket = new WebSocketImpl(url, PROTOCOL);
    socket.onopen = () => send({ type: 'connection_init', payload });
    socket.onmessage = ({ data }) => {
      const message = JSON.parse(data);
      const sink = active.get(message.id)?.sink;
      switch (message.type) {
        case 'connection_ack':
          acknowledged = true;
          onStatus('up');
          for (const [id, { payload }] of active) send({ id, type: 'subscribe', payload });
          break;
        case 'ping': send({ type: 'pong' }); break;
        case 'next': sink?.next(message.payload); break;
        case 'error': sink?.error(message.payload); active.delete(message.id); break;
        case 'complete': sink?.complete?.(); active.delete(message.id); break;
      }
    };
    socket.onclose = () => {
      socket = null;
      acknowledged = false;
      if (disposed) return;
      onStatus('down');
      clearTimeout(retry);
      if (active.size) retry = setTimeout(connect, retryMillis);
    };
  }

  return {
    subscribe(payload, sink) {
      const id = String(nextId++);
      active.set(id, { payload, sink });
      if (socket && acknowledged) send({ id, type: 'subscribe', payload });
      else connect();
      return () => {
        if (active.delete(id) && socket && acknowledged) send({ id, type: 'complete' });
      };
    },
    dispose() {
      disposed = true;
      clearTimeout(retry);
      active.clear();
      socket?.close(1000);
      socket = null;
    },
  };
}
