import net from 'node:net';

/**
 * A TCP forwarder that stands in for a database the tests can stop and start:
 * the app connects to the proxy, the proxy to the real server.
 *  - stop('refuse'): every open connection is cut and the port refuses new ones,
 *    as when PostgreSQL is shut down or its container stops;
 *  - stop('hang'): connections are cut, new ones are accepted and never answered,
 *    as when the database's host is gone from the network;
 *  - start(): forwards again, on the same port.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private mode: 'forward' | 'hang' = 'forward';
  port = 0;

  constructor(
    private readonly target: { host: string; port: number },
    private readonly host = '127.0.0.1',
  ) {}

  get url() {
    return `${this.host}:${this.port}`;
  }

  /** Listens (on a free port the first time, the same port afterwards) and forwards. */
  async start(): Promise<void> {
    if (this.mode === 'hang') {
      // Connections accepted while hanging were never forwarded: they go, as a real outage's would.
      for (const socket of this.sockets) socket.destroy();
      this.sockets.clear();
      this.mode = 'forward';
    }
    if (this.server) return;
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(how: 'refuse' | 'hang' = 'refuse'): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (how === 'hang') {
      this.mode = 'hang';
      return;
    }
    const server = this.server;
    this.server = null;
    // close() waits for open connections; they were all destroyed above.
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: net.Socket) {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (this.mode === 'hang') return;
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
