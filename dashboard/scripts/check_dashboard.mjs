// Opens the served dashboard in headless Chromium (Debian's, driven by playwright-core), waits until every
// chart, the map and the tables have drawn, saves a full-page screenshot, tries one filter, and writes what
// it saw as JSON for tests/test_dashboard.py to check:
//
//   node dashboard/scripts/check_dashboard.mjs URL SCREENSHOT.png REPORT.json [EVENT_ROOT_LABEL]
//
// CHROMIUM sets the browser (default /usr/bin/chromium). Only requests to this machine are let through:
// any other one is aborted and listed in the report, so a dashboard that needs the internet fails its test.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [url, screenshotPath, reportPath, eventRootLabel] = process.argv.slice(2);
if (!url || !screenshotPath || !reportPath) {
	console.error('usage: check_dashboard.mjs URL SCREENSHOT.png REPORT.json [EVENT_ROOT_LABEL]');
	process.exit(2);
}

const report = { url, external_requests: [], page_errors: [], failed_requests: [] };
const isLocal = (address) => {
	if (address.startsWith('data:') || address.startsWith('blob:')) return true;
	const { hostname } = new URL(address);
	return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
};

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	headless: true,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});

try {
	const page = await browser.newPage({ viewport: { width: 1400, height: 2000 } });
	await page.route('**/*', (route) => {
		const address = route.request().url();
		if (isLocal(address)) return route.continue();
		report.external_requests.push(address);
		return route.abort();
	});
	page.on('pageerror', (error) => report.page_errors.push(String(error)));
	// (Evidence aborts its prerendered-query downloads once DuckDB in the page can answer: net::ERR_ABORTED.)
	page.on('requestfailed', (request) => {
		if (isLocal(request.url())) {
			report.failed_requests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
		}
	});

	await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });

	// Every chart has drawn its SVG marks, the map its bubbles, and both data tables their rows. A wait that
	// times out is recorded, and the report and screenshot are still written, to show what did draw.
	report.timeouts = [];
	const waitFor = async (name, condition, argument) => {
		try {
			await page.waitForFunction(condition, argument, { timeout: 90_000 });
		} catch (error) {
			report.timeouts.push(name);
		}
	};
	await waitFor(
		'charts',
		() => {
			const svgs = [...document.querySelectorAll('[_echarts_instance_] svg')];
			return svgs.length >= 3 && svgs.every((svg) => svg.querySelectorAll('path').length > 3);
		}
	);
	await waitFor('map', () => document.querySelectorAll('.leaflet-container path.leaflet-interactive').length > 0);
	await waitFor('tables', () => document.querySelectorAll('tr td[role="cell"]').length > 0);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(1500); // the map's zoom and the charts' entry animations

	const seen = () =>
		page.evaluate(() => {
			const text = (element) => (element.textContent || '').replace(/\s+/g, ' ').trim();
			return {
				charts: [...document.querySelectorAll('[_echarts_instance_] svg')].map((svg) => ({
					text: [...svg.querySelectorAll('text')].map(text).filter(Boolean),
					paths: svg.querySelectorAll('path').length
				})),
				map_bubbles: document.querySelectorAll('.leaflet-container path.leaflet-interactive').length,
				// Data tables (not the date picker's calendars): their header cells are column headers.
				tables: [...document.querySelectorAll('table')]
					.filter((table) => table.querySelector('th[role="columnheader"]'))
					.map((table) => ({
						headers: [...table.querySelectorAll('th[role="columnheader"]')].map(text),
						rows: [...table.querySelectorAll('tr')]
							.map((row) => [...row.querySelectorAll('td[role="cell"]')].map(text))
							.filter((cells) => cells.length)
					})),
				// The big numbers at the top: a title paragraph and the value under it.
				big_values: Object.fromEntries(
					[...document.querySelectorAll('div.inline-block')]
						.filter((box) => box.querySelector(':scope > p') && box.querySelector(':scope > div.text-xl'))
						.map((box) => [text(box.querySelector(':scope > p')), text(box.querySelector(':scope > div.text-xl'))])
				),
				buttons: [...document.querySelectorAll('button')].map(text).filter(Boolean),
				body_text: text(document.body)
			};
		});

	Object.assign(report, await seen());
	await page.screenshot({ path: screenshotPath, fullPage: true });

	// One filter, as a user would set it: pick an event root in its dropdown.
	if (eventRootLabel) {
		try {
			await page.getByRole('combobox', { name: 'Event root (CAMEO)' }).click();
			// The list shows its first options; typing searches it, as a user would for a long list.
			await page.keyboard.type(eventRootLabel);
			await page.locator(`[role="option"][data-value="${eventRootLabel}"]`).click();
			await page.keyboard.press('Escape');
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(2000);
			report.after_event_root_filter = await seen();
		} catch (error) {
			report.filter_error = String(error);
		}
	}
} finally {
	await browser.close();
}

fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
