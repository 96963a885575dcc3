// Opens Swagger UI, authorizes with a bearer token, executes GET /api/v1/me with "Try it out" and
// prints what the page shows as one JSON line: {"status": "...", "body": "..."}.
// Usage: node swagger-ui.mjs <base url> <access token> <screenshot path>
import { chromium } from 'playwright-core';

const [base, token, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${base}/swagger-ui/index.html`);
  await page.locator('button.authorize').first().click();
  const dialog = page.locator('.modal-ux');
  await dialog.locator('input').first().fill(token);
  await dialog.locator('button.authorize').click();
  await dialog.locator('button.btn-done').click();

  const operation = page.locator('#operations-identity-me');
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('button.execute').click();
  const live = operation.locator('.live-responses-table tbody tr.response').first();
  await live.waitFor();
  const status = (await live.locator('.response-col_status').textContent()).trim();
  const body = await live.locator('.response-col_description pre').first().textContent();
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log(JSON.stringify({ status, body }));
} finally {
  await browser.close();
}
