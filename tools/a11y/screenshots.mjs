// Screenshots of pages of the web edition for a person to look at: each page at 1280 px and 360 px wide, cut into
// segments of one screen height so that they stay legible. Usage: node screenshots.mjs SITE_DIR OUT_DIR PAGE.html ...
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [site, out, ...pages] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  for (const name of pages) {
    for (const [width, height] of [[1280, 1400], [360, 1400]]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      await page.goto(pathToFileURL(path.join(site, name)).href, { waitUntil: "load" });
      const full = await page.evaluate(() => document.documentElement.scrollHeight);
      const base = name.replace(/[\/.]/g, "-");
      for (let y = 0, i = 0; y < full && i < 12; y += height, i += 1) {
        await page.screenshot({ path: path.join(out, `${base}-${width}-${i}.png`), clip: { x: 0, y, width, height: Math.min(height, full - y) } });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
