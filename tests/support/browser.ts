// Real-browser checks run against the distro's Chromium through playwright-core,
// so CI needs no Playwright browser download.
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Chromium marks pages styled by XSLT (the feeds) with a deprecation banner
      // built from inline styles and an inline handler; a strict CSP blocks them,
      // and those reports are about the browser's markup, not the site's.
      "--disable-blink-features=GenerateXSLTWarningBanner",
    ],
  });
}

export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  /** Network-level failures, e.g. connection refused or an aborted load. */
  failedRequests: string[];
  /** Responses with status >= 400, as "404 http://…". */
  badResponses: string[];
  cspViolations: string[];
  /** Requests to anything but 127.0.0.1; they are also blocked to keep tests offline. */
  thirdPartyRequests: string[];
  /** Every finding above, each prefixed by its kind; empty means a clean page. */
  problems(): string[];
}

function isThirdParty(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  // data:, blob:, about: and friends never leave the machine.
  if (protocol !== "http:" && protocol !== "https:" && protocol !== "ws:" && protocol !== "wss:") return false;
  return hostname !== "127.0.0.1";
}

// Chromium prints CSP refusals to the console itself; those belong in cspViolations.
const CSP_TEXT = /Content Security Policy/i;

/** Start watching before page.goto(), so nothing from the first load is missed. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    badResponses: [],
    cspViolations: [],
    thirdPartyRequests: [],
    problems() {
      const { consoleErrors, pageErrors, failedRequests, badResponses, cspViolations, thirdPartyRequests } = watch;
      const kinds = { consoleErrors, pageErrors, failedRequests, badResponses, cspViolations, thirdPartyRequests };
      return Object.entries(kinds).flatMap(([kind, list]) => list.map((item) => `${kind}: ${item}`));
    },
  };
  // One violation can show up twice (DOM event and console line); an empty
  // list is what tests rely on, and both wordings help when it is not empty.
  const addCsp = (text: string) => void watch.cspViolations.push(text);

  page.on("console", (msg) => {
    if (CSP_TEXT.test(msg.text())) addCsp(`console: ${msg.text()}`);
    else if (msg.type() === "error") watch.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (error) => watch.pageErrors.push(error.stack ?? error.message));
  page.on("request", (req) => {
    if (isThirdParty(req.url())) watch.thirdPartyRequests.push(req.url());
  });
  page.on("requestfailed", (req) => {
    if (!isThirdParty(req.url())) watch.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? "failed"}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) watch.badResponses.push(`${res.status()} ${res.url()}`);
  });

  await page.route(
    (url) => isThirdParty(url.href),
    (route) => route.abort("blockedbyclient"),
  );
  // The DOM event carries the directive and blocked URL even when Chromium's
  // console wording changes. Init scripts and bindings go through CDP, so the
  // page's own CSP cannot block them.
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => addCsp(text));
  // Passed as source text: the project compiles without the DOM lib.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      void window.__reportCspViolation(
        e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    }, true);`,
  });
  return watch;
}
