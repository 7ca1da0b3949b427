/**
 * The real Node server on a free loopback port: `smtpcodes serve`, its usage errors, and
 * a flood of bad requests over real sockets after which it still answers at once.
 */
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, it } from "node:test";
import { type Io, main } from "../cli/main.js";
import { type RunningServer, startServer } from "./node.js";

function io(signal?: AbortSignal): Io & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdin: Object.assign((async function* () {})(), { isTTY: true }),
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    ...(signal ? { signal } : {}),
    out: () => out,
    err: () => err,
  };
}

/** Send raw bytes on a socket and collect what comes back until the server closes or time runs out. */
function rawRequest(port: number, chunks: (string | Buffer)[], waitMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("data", (data) => {
      received += data.toString("latin1");
    });
    socket.on("close", finish);
    socket.on("error", finish);
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk);
    });
  });
}

describe("smtpcodes serve", () => {
  it("serves the page and the API until stopped", async () => {
    const stop = new AbortController();
    const t = io(stop.signal);
    const done = main(["serve", "--port", "0", "--host", "127.0.0.1"], t);
    let url = "";
    for (let i = 0; i < 200 && !url; i++) {
      await new Promise((r) => setTimeout(r, 10));
      url = /serving (http:\/\/\S+)/.exec(t.out())?.[1] ?? "";
    }
    assert.ok(url, `no URL in ${t.out()} ${t.err()}`);
    const health = await fetch(`${url}/v1/health`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, "ok");
    const page = await fetch(`${url}/codes/5.7.26`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /5\.7\.26/);
    stop.abort();
    assert.equal(await done, 0);
  });

  it("refuses bad flags and arguments with usage errors", async () => {
    for (const args of [
      ["serve", "--port", "http"],
      ["serve", "--port", "70000"],
      ["serve", "--port=-1"],
      ["serve", "--port"],
      ["serve", "extra"],
      ["serve", "--host"],
    ]) {
      const t = io();
      assert.equal(await main(args, t), 2, args.join(" "));
      assert.match(t.err(), /port|host|argument|value/, args.join(" "));
    }
  });

  it("says so when the port is taken", async () => {
    const taken = await startServer({ port: 0 });
    try {
      const t = io();
      assert.equal(await main(["serve", "--port", String(taken.port)], t), 1);
      assert.match(t.err(), /in use/);
    } finally {
      await taken.close();
    }
  });

  it("documents serve in the help text", async () => {
    const t = io();
    await main(["--help"], t);
    assert.match(t.out(), /smtpcodes serve \[--port N\] \[--host H\]/);
    assert.match(t.out(), /--port N/);
  });
});

describe("node server under bad traffic", () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, version: "test" });
  });
  after(async () => {
    await server.close();
  });

  it("refuses a declared oversize body at once, without reading it", async () => {
    const started = performance.now();
    const answer = await rawRequest(server.port, [
      "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{",
    ]);
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.match(answer, /payload-too-large/);
    assert.ok(performance.now() - started < 1500, "answered before the body came");
  });

  it("keeps serving under a flood of bad requests", async () => {
    const { port, url } = server;
    const garbage = [
      ["GARBAGE\r\n\r\n"],
      ["GET / HTTP/9.9\r\n\r\n"],
      [`GET /${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
      [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`],
      [
        "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{{{{{",
      ],
      [
        "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\nab",
      ],
      [
        "POST /v1/explain HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n",
      ],
      [
        "POST /v1/bounces HTTP/1.1\r\nHost: x\r\nContent-Type: message/rfc822\r\nContent-Length: 999999999999\r\n\r\n",
      ],
      ["GET /v1/codes/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n"],
      [Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10])],
    ];
    const bad = (i: number): Promise<unknown> => {
      const kind = i % 5;
      if (kind === 0)
        return fetch(`${url}/v1/explain`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{".repeat(1000),
        }).then((r) => r.arrayBuffer());
      if (kind === 1)
        return fetch(`${url}/v1/explain`, {
          method: "POST",
          headers: { "content-type": "text/xml" },
          body: "<x/>",
        }).then((r) => r.arrayBuffer());
      if (kind === 2)
        return fetch(`${url}/v1/bounces`, {
          method: "POST",
          headers: { "content-type": "message/rfc822" },
          body: "\u0000".repeat(100_000),
        }).then((r) => r.arrayBuffer());
      if (kind === 3) return fetch(`${url}/no/${i}`).then((r) => r.arrayBuffer());
      return rawRequest(port, garbage[i % garbage.length] as (string | Buffer)[], 1000);
    };
    const results = await Promise.allSettled(Array.from({ length: 600 }, (_, i) => bad(i)));
    assert.ok(results.length === 600);
    const started = performance.now();
    const health = await fetch(`${url}/v1/health`);
    assert.equal(health.status, 200);
    const explained = await fetch(`${url}/v1/explain`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reply: "550 5.1.1 User unknown" }),
    });
    assert.equal(((await explained.json()) as { reason: string }).reason, "userunknown");
    assert.ok(performance.now() - started < 1000, "answers at once after the flood");
  });
});
