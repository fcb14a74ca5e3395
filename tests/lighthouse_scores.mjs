// Runs Lighthouse (its default mobile settings: a phone's screen, simulated slow 4G and
// CPU) over each address named on the command line and prints as JSON, by address, each
// category's score (0–100) and the audits that cost it points. One Node process for all
// pages (loading Lighthouse costs more than auditing a small page), but a fresh Chromium
// for each: a visitor's first visit, as the CLI audits it (a browser that has already
// asked for /favicon.ico does not ask again, so only the first page would lose points).
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

function lost(lhr, category) {
  return category.auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => `${audit.id} (${audit.displayValue || audit.score})${items(audit)}`);
}

// what an audit found, briefly: the addresses or messages of its first few items
function items(audit) {
  const found = (audit.details?.items || []).slice(0, 3)
    .map((item) => [item.url || item.sourceLocation?.url, item.description].filter(Boolean).join(" "))
    .filter((text) => text);
  return found.length ? `: ${found.join("; ")}` : "";
}

function summary(lhr) {
  const scores = {};
  const failing = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = Math.round(category.score * 100);
    failing[id] = lost(lhr, category);
  }
  return { scores, failing, errors: lhr.runtimeError ? [lhr.runtimeError.message] : [] };
}

async function audit(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless", "--no-sandbox"],
  });
  try {
    const run = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES,
    });
    return summary(run.lhr);
  } finally {
    await chrome.kill();
  }
}

const results = {};
for (const url of process.argv.slice(2)) {
  results[url] = await audit(url);
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
