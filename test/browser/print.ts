/** Debian's headless Chromium for the page tests (no browser is ever downloaded), and print-width checks. */
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Chromium with a fresh profile in `profileDir` (playwright passes it as --user-data-dir). */
export function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** What a page lays out past the printable width in print media: each element's box, and the scroll width. */
export async function printOverflow(page: Page, widthPx: number): Promise<{ out: string[]; scrollWidth: number }> {
  await page.emulateMedia({ media: "print" });
  return page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > limit + 0.5 || box.left < -0.5)) out.push(`${el.tagName.toLowerCase()}.${el.className} ${box.left.toFixed(1)}–${box.right.toFixed(1)}`);
    }
    return { out, scrollWidth: document.documentElement.scrollWidth };
  }, widthPx);
}
