// Runs axe-core on pages of the web edition in the system's headless Chromium (no browser download: puppeteer-core
// drives the executable given in CHROMIUM, default /usr/bin/chromium). Prints each page's violations and exits 1 if
// there is any. Usage: node axe-check.mjs SITE_DIR PAGE.html [PAGE.html ...]
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [site, ...pages] = process.argv.slice(2);
if (!site || pages.length === 0) {
  console.error("usage: node axe-check.mjs SITE_DIR PAGE.html [PAGE.html ...]");
  process.exit(64);
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
});
let total = 0;
try {
  for (const name of pages) {
    for (const width of [1280, 320]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(pathToFileURL(path.join(site, name)).href, { waitUntil: "load" });
      // The chart and map data tables are inside closed <details>: opened, so that axe checks them too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
      await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      }));
      const nodes = result.violations.reduce((n, v) => n + v.nodes.length, 0);
      total += result.violations.length;
      console.log(`${name} @${width}px: ${result.violations.length} violation(s), ${nodes} node(s); ${result.passes.length} rules passed, ${result.incomplete.length} to review`);
      for (const v of result.violations) {
        console.log(`  ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) {
          console.log(`    ${node.target.join(" ")} — ${node.failureSummary.replace(/\s+/g, " ").slice(0, 240)}`);
        }
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`axe: ${total} violation(s) in all`);
process.exit(total === 0 ? 0 : 1);
