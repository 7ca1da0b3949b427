// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is the text a person sees, which is what these tests check.
/**
 * The web page in a real browser: Debian's chromium driven by playwright-core, against the
 * real server started by `smtpcodes serve --port 0` in its own process. Pastes a reply,
 * drops and chooses a bounce file, follows code links, filters the table, reads a code page
 * with JavaScript off, walks the page by keyboard, and saves screenshots at desktop and
 * phone widths into artifacts/screenshots/ for a reviewer.
 *
 * `npm test` installs chromium when it is missing (scripts/test.sh); where it still cannot
 * be found, these tests skip and say why.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { projectRoot } from "../../test/shared.js";

const CHROMIUM = process.env.SMTPCODES_CHROMIUM ?? "/usr/bin/chromium";
const FIXTURE = fileURLToPath(new URL("./fixtures/bounce.eml", import.meta.url));
const SCREENSHOTS = join(projectRoot, "artifacts", "screenshots");
const skip = existsSync(CHROMIUM)
  ? false
  : `chromium not found at ${CHROMIUM}: install it with "apt-get install chromium" (npm test does so) or set SMTPCODES_CHROMIUM`;

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server: ChildProcess | null = null;
let base = "";
let profile = "";
let browser: BrowserContext | null = null;
/** Console errors and CSP violations seen on any page: there must be none. */
const problems: string[] = [];

/** Start `smtpcodes serve --port 0` from the sources in its own process; resolve its URL. */
function startServe(): Promise<{ child: ChildProcess; url: string }> {
  const script =
    "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(['serve', '--port', '0']);";
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out} ${err}`)), 20_000);
    child.stdout?.on("data", (data: Buffer) => {
      out += data.toString();
      const url = /serving (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr?.on("data", (data: Buffer) => {
      err += data.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

async function newPage(viewport: { width: number; height: number }, javaScript = true): Promise<Page> {
  assert.ok(browser);
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  if (!javaScript) {
    // A persistent context cannot turn JavaScript off per page; the DevTools protocol can.
    const session = await browser.newCDPSession(page);
    await session.send("Emulation.setScriptExecutionDisabled", { value: true });
  }
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return page;
}

/** A screenshot of the whole page, or of the window only (for the long table of codes). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

async function noSideways(page: Page): Promise<void> {
  // Callbacks that run in the page are strings: this Node program has no DOM types.
  const { scroll, width } = await page.evaluate<{ scroll: number; width: number }>(
    "({ scroll: document.documentElement.scrollWidth, width: window.innerWidth })",
  );
  assert.ok(scroll <= width + 1, `${page.url()}: page is ${scroll}px wide in a ${width}px window`);
}

describe("web page in chromium", { skip }, () => {
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const started = await startServe();
    server = started.child;
    base = started.url;
    profile = mkdtempSync(join(tmpdir(), "smtpcodes-chromium-"));
    const { chromium } = await import("playwright-core");
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("explains a pasted reply in place, with everything the issue lists", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(base);
    await page.fill("#reply", "550 5.1.1 <ann@example.org>: Recipient address rejected: User unknown");
    await page.click("#explain-form button[type=submit]");
    const result = page.locator("#explain-result .diagnosis");
    await result.waitFor();
    const text = await result.innerText();
    for (const expected of [
      "Unknown recipient",
      "permanent",
      "suppress the recipient",
      "userunknown",
      "What the sender should do",
      "What the receiving admin should look at",
      "References",
      "RFC",
      "Decided by",
      "rule",
    ])
      assert.ok(text.includes(expected), `result lacks "${expected}": ${text}`);
    assert.match(page.url(), /\/explain\?reply=550/);
    await shot(page, "desktop-explain");
    await page.close();
  });

  it("shows hostile text as text", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(base);
    await page.fill(
      "#reply",
      '550 5.1.1 <img src=x onerror="window.pwned=1"><script>window.pwned=2</script>',
    );
    await page.click("#explain-form button[type=submit]");
    await page.locator("#explain-result .diagnosis").waitFor();
    assert.equal(await page.evaluate("window.pwned"), undefined);
    assert.equal(await page.locator("#explain-result img, #explain-result script").count(), 0);
    await page.close();
  });

  it("reads a dropped bounce file", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(base);
    const content = readFileSync(FIXTURE, "latin1");
    const transfer = await page.evaluateHandle(
      `(() => { const data = new DataTransfer(); data.items.add(new File([${JSON.stringify(content)}], "bounce.eml", { type: "message/rfc822" })); return data; })()`,
    );
    await page.dispatchEvent("#drop", "dragenter", { dataTransfer: transfer });
    await page.dispatchEvent("#drop", "drop", { dataTransfer: transfer });
    await page.locator("#bounce-result .recipient").nth(1).waitFor();
    const text = await page.locator("#bounce-result").innerText();
    assert.match(text, /ann@example\.org/);
    assert.match(text, /userunknown/);
    assert.match(text, /bob@example\.org/);
    assert.match(text, /mailboxfull/);
    assert.match(text, /suppress/);
    await page.locator("#bounce-heading").scrollIntoViewIfNeeded();
    await shot(page, "desktop-bounce");
    await page.close();
  });

  it("reads a chosen bounce file, then follows a code link to its page", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(base);
    await page.setInputFiles("#bounce-file", FIXTURE);
    await page.locator("#bounce-result .recipient").nth(1).waitFor();
    await page.click('#bounce-result a[href="/codes/5.1.1"]');
    await page.waitForURL(/\/codes\/5\.1\.1$/);
    assert.match(await page.locator("h1").innerText(), /5\.1\.1/);
    await page.close();
  });

  it("browses the table of every code: search, badges, a link", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(`${base}/codes`);
    await shot(page, "desktop-codes-all", false);
    const total = await page.locator("#codes-table tbody tr").count();
    assert.ok(total > 200, `only ${total} rows`);
    assert.ok((await page.locator("#codes-table .badge-bad").count()) > 0, "non-standard badges");
    assert.ok((await page.locator("#codes-table .badge-good").count()) > 0, "standard badges");
    await page.fill("#q", "5.7.26");
    // Locators wait by polling the DOM; waitForFunction would need eval, which the page's CSP forbids.
    await page.locator("#codes-count", { hasText: / of / }).waitFor();
    const visible = page.locator("#codes-table tbody tr:not([hidden])");
    assert.ok((await visible.count()) >= 1);
    await page.selectOption("#status", "non-standard");
    await page.fill("#q", "");
    await page
      .locator("#codes-table tbody tr:not([hidden]) .badge-good")
      .first()
      .waitFor({ state: "detached" });
    await page.selectOption("#status", "");
    await page.fill("#q", "mailbox full");
    await page.locator("#codes-count", { hasText: /^\d+ of \d+ codes$/ }).waitFor();
    assert.ok((await visible.count()) >= 1);
    await shot(page, "desktop-codes");
    await visible.first().locator("a").click();
    await page.waitForURL(/\/codes\/[^/]+$/);
    assert.ok((await page.locator("h1").innerText()).length > 0);
    await page.goto(`${base}/codes/535`);
    await shot(page, "desktop-code-535");
    await page.close();
  });

  it("reads without JavaScript: code page, explain form, bounce form", async () => {
    const page = await newPage(DESKTOP, false);
    await page.goto(`${base}/codes/535`);
    assert.match(await page.locator("main").innerText(), /Myths and corrections/);
    assert.match(await page.locator("main").innerText(), /Correction/);
    await shot(page, "nojs-code-535");
    await page.goto(`${base}/codes/5.7.26`);
    assert.match(await page.locator("h1").innerText(), /5\.7\.26/);
    await page.goto(base);
    await page.fill("#reply", "452 4.2.2 The recipient's inbox is out of storage space.");
    await Promise.all([page.waitForURL(/\/explain\?/), page.click("#explain-form button[type=submit]")]);
    assert.match(await page.locator(".diagnosis").innerText(), /mailboxfull/);
    await page.goto(base);
    await page.setInputFiles("#bounce-file", FIXTURE);
    // With the script, choosing a file sends it at once; without, nothing happens until submit.
    await page.waitForTimeout(300);
    assert.equal(await page.locator("#bounce-result").innerText(), "");
    await Promise.all([page.waitForURL(/\/bounce$/), page.click("#bounce-submit")]);
    assert.match(await page.locator("#bounce-result").innerText(), /bob@example\.org/);
    await page.goto(`${base}/codes?q=mailbox+full`);
    assert.match((await page.locator("#codes-count").innerText()) ?? "", / of /);
    await page.close();
  });

  it("works from the keyboard alone", async () => {
    const page = await newPage(DESKTOP);
    await page.goto(base);
    const focused = () =>
      page.evaluate<string>(
        '(e => e ? e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.tagName === "A" ? ":" + e.textContent : "") : "")(document.activeElement)',
      );
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "a:Skip to content");
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      seen.push(await focused());
    }
    for (const expected of ["textarea#reply", "button", "input#bounce-file"])
      assert.ok(
        seen.some((s) => s.startsWith(expected)),
        `Tab never reaches ${expected}: ${seen.join(", ")}`,
      );
    // Type a reply and send it with the keyboard only.
    await page.focus("#reply");
    await page.keyboard.type("550 5.7.26 Unauthenticated email is not accepted due to DMARC policy");
    await page.keyboard.press("Tab"); // the hints
    await page.keyboard.press("Tab"); // the button
    await page.keyboard.press("Enter");
    await page.locator("#explain-result .diagnosis").waitFor();
    assert.match(await page.locator("#explain-result").innerText(), /5\.7\.26/);
    await page.close();
  });

  it("reads on a phone: no sideways scrolling, screenshots", async () => {
    const page = await newPage(PHONE);
    await page.goto(base);
    await noSideways(page);
    await page.fill(
      "#reply",
      "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume",
    );
    await page.click("#explain-form button[type=submit]");
    await page.locator("#explain-result .diagnosis").waitFor();
    await noSideways(page);
    await shot(page, "phone-explain");
    await page.setInputFiles("#bounce-file", FIXTURE);
    await page.locator("#bounce-result .recipient").nth(1).waitFor();
    await noSideways(page);
    await shot(page, "phone-bounce");
    await page.goto(`${base}/codes`);
    await noSideways(page);
    await shot(page, "phone-codes", false);
    for (const code of ["535", "5.7.26", "550"]) {
      await page.goto(`${base}/codes/${code}`);
      await noSideways(page);
    }
    await shot(page, "phone-code-550");
    await page.close();
  });

  it("met no console error and no Content-Security-Policy violation", () => {
    assert.deepEqual(problems, []);
  });
});
