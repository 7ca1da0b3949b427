/**
 * The Node adapter: serves the app of app.ts with @hono/node-server. Everything else about
 * HTTP lives in the app; this file only opens the socket and sets the server's timeouts.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type AppOptions, createApp } from "./app.js";

export interface ServeOptions extends AppOptions {
  /** 0 picks a free port. Default 8025. */
  port?: number;
  /** Default 127.0.0.1: only this machine can connect. */
  host?: string;
}

export interface RunningServer {
  /** Base address, e.g. "http://127.0.0.1:8025". */
  url: string;
  port: number;
  host: string;
  server: Server;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8025;
export const DEFAULT_HOST = "127.0.0.1";

/** The package version from package.json (two levels up from src/http and dist/http). */
export function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return (JSON.parse(text) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Start the server; resolves once it listens, rejects when it cannot (port taken…). */
export function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const app = createApp({ version: options.version ?? packageVersion(), limits: options.limits ?? {} });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }) as Server;
    // A client that trickles its request is cut off instead of holding a socket for minutes.
    server.headersTimeout = 10_000;
    server.requestTimeout = 60_000;
    server.keepAliveTimeout = 5_000;
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      const port = (server.address() as AddressInfo).port;
      const shown = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${port}`,
        port,
        host,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
