"""The dashboard of `make dashboard` (dashboard/, Evidence) on the bundled sample, in a real browser.

The test runs `make dashboard` itself (on a free port, with a warehouse of its own in a temporary folder, so
the command first loads the sample as `make run` does), opens the page in headless Chromium (Debian's,
driven by playwright-core from the dashboard's npm packages, dashboard/scripts/check_dashboard.mjs) and
checks that every chart, the map and both tables show the warehouse's data, that a filter narrows them, and
that the page fetched nothing from outside this machine. It saves the screenshot docs/dashboard.png.

Slow (npm install on first use, a load, an Evidence build: minutes), so marked `slow`: `make test-dashboard`.
It skips, saying why, only where npm or Chromium is missing and cannot be installed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DASHBOARD_DIR = PROJECT_ROOT / "dashboard"
SCREENSHOT = PROJECT_ROOT / "docs" / "dashboard.png"
CHECK_SCRIPT = DASHBOARD_DIR / "scripts" / "check_dashboard.mjs"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
# npm ci on first use (about two minutes), the load of the sample, `evidence sources` and `evidence build`.
START_TIMEOUT_S = 1200
QUAD_CLASS_NAMES = {"Verbal Cooperation", "Material Cooperation", "Verbal Conflict", "Material Conflict"}


def apt_install(*packages: str) -> bool:
    """Install Debian packages when running as root with apt-get (as on the project's machines)."""
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return False
    command = ["apt-get", "install", "-y", "-q", *packages]
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(command, env=environment, capture_output=True).returncode == 0:
        return True
    subprocess.run(["apt-get", "update", "-q"], env=environment, capture_output=True)
    return subprocess.run(command, env=environment, capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def chromium() -> str:
    """npm and Chromium, installed from Debian's packages if missing; the test skips if they cannot be."""
    if not shutil.which("npm") and not (apt_install("nodejs", "npm") and shutil.which("npm")):
        pytest.skip("npm is not installed and apt-get could not install it: the dashboard needs Node.js 18+ and npm")
    browser = os.environ.get("CHROMIUM", DEFAULT_CHROMIUM)
    if not Path(browser).exists() and not (apt_install("chromium") and Path(browser).exists()):
        pytest.skip(f"no Chromium at {browser} and apt-get could not install it (set CHROMIUM to a Chromium binary)")
    return browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_environment(folder: Path) -> dict[str, str]:
    """The environment of a `make dashboard` on the sample, with its warehouse and Dagster instance in `folder`."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DASHBOARD_", "MAKE"))}
    for setting in ("PUBLISHED_WAREHOUSE_PATH", "CORPUS_DIR", "LOAD_STORE_DIR", "FULL_REFRESH"):
        environment.pop(setting, None)
    environment["WAREHOUSE_PATH"] = str(folder / "sample.duckdb")
    environment["DAGSTER_STORAGE_DIR"] = str(folder / "dagster")
    return environment


class Dashboard:
    """`make dashboard` running in its own process group, with everything it printed."""

    def __init__(self, folder: Path, port: int) -> None:
        self.port = port
        self.url = f"http://localhost:{port}/"
        self.published = folder / "published" / "sample.duckdb"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "dashboard", f"DASHBOARD_PORT={port}"],
            cwd=PROJECT_ROOT,
            env=make_environment(folder),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines[-60:])

    def wait_until_served(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        announced = f"Dashboard: {self.url}"
        while time.monotonic() < deadline:
            if announced in self.lines:
                return
            if self.process.poll() is not None:
                self.reader.join(5)
                pytest.fail(f"make dashboard stopped (exit status {self.process.returncode}) before serving:\n{self.output}")
            time.sleep(1)
        pytest.fail(f"make dashboard did not print {announced!r} within {START_TIMEOUT_S} s:\n{self.output}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(30)


@pytest.fixture(scope="module")
def dashboard(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dashboard]:
    served = Dashboard(tmp_path_factory.mktemp("dashboard"), free_port())
    try:
        served.wait_until_served()
        yield served
    finally:
        served.stop()


@pytest.fixture(scope="module")
def expected(dashboard: Dashboard) -> dict:
    """What the page must show, computed from the published warehouse the dashboard was built from."""
    connection = duckdb.connect(str(dashboard.published), read_only=True)
    try:
        def one(sql: str):
            return connection.execute(sql).fetchone()

        def column(sql: str) -> list:
            return [row[0] for row in connection.execute(sql).fetchall()]

        events = "main.events_wide where event_date is not null"
        top_root, root_label = one(
            f"select event_root_code, event_root_code || ' ' || event_root_description from {events} "
            "group by all order by count(*) desc, event_root_code limit 1"
        )
        return {
            "events": one(f"select count(*) from {events}")[0],
            "located_events": one(f"select count(action_geo_lat) from {events}")[0],
            "quad_class_names": set(column(f"select distinct quad_class_name from {events}")),
            "top_actor": one(
                f"select actor from (select actor1_name as actor from {events} union all "
                f"select actor2_name from {events}) where actor is not null "
                "group by actor order by count(*) desc, actor limit 1"
            )[0],
            "top_pair": one(
                f"select actor1_name || ' → ' || actor2_name from {events} "
                "and actor1_name is not null and actor2_name is not null "
                "group by all order by count(*) desc, 1 limit 1"
            )[0],
            "places": column(
                f"select action_geo_full_name from {events} and action_geo_lat is not null "
                "group by action_geo_full_name, action_geo_lat, action_geo_long order by count(*) desc, 1"
            ),
            "latest_date": str(one(f"select max(event_date) from {events}")[0]),
            # As the page shows text: runs of white space (new lines too) as one space.
            "latest_sentences": {
                " ".join(sentence.split())
                for sentence in column(
                    f"select evidence_sentence from {events} and event_date = (select max(event_date) from {events})"
                )
            },
            "root_label": root_label,
            "root_events": one(f"select count(*) from {events} and event_root_code = '{top_root}'")[0],
            "root_places": one(
                f"select count(distinct (action_geo_full_name, action_geo_lat, action_geo_long)) from {events} "
                f"and action_geo_lat is not null and event_root_code = '{top_root}'"
            )[0],
        }
    finally:
        connection.close()


@pytest.fixture(scope="module")
def page(dashboard: Dashboard, expected: dict, chromium: str, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What headless Chromium saw on the page (see check_dashboard.mjs), after taking the screenshot."""
    report = tmp_path_factory.mktemp("browser") / "report.json"
    completed = subprocess.run(
        ["node", str(CHECK_SCRIPT), dashboard.url, str(SCREENSHOT), str(report), expected["root_label"]],
        cwd=DASHBOARD_DIR,
        env={**os.environ, "CHROMIUM": chromium},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, f"the browser check failed:\n{completed.stdout}\n{completed.stderr}"
    return json.loads(report.read_text())


def chart_with(page: dict, label: str) -> dict:
    charts = [chart for chart in page["charts"] if label in chart["text"]]
    assert charts, f"no chart shows {label!r}; the charts show: {[chart['text'][:12] for chart in page['charts']]}"
    return charts[0]


def test_make_dashboard_prints_its_address(dashboard: Dashboard) -> None:
    assert f"Dashboard: http://localhost:{dashboard.port}/" in dashboard.lines
    assert dashboard.published.exists(), "make dashboard loads the sample when nothing is published yet"


def test_the_page_needs_nothing_from_outside_this_machine(page: dict) -> None:
    assert page["external_requests"] == []
    assert page["page_errors"] == []
    assert page["timeouts"] == [], f"these parts never drew: {page['timeouts']}"


def test_totals_and_filters_are_shown(page: dict, expected: dict) -> None:
    assert page["big_values"]["Events"] == f"{expected['events']:,}"
    assert page["big_values"]["Located events"] == f"{expected['located_events']:,}"
    buttons = " | ".join(page["buttons"])
    for control in ("Country (of either actor, or of the place) All countries", "Event root (CAMEO) All event roots"):
        assert control in buttons
    assert expected["latest_date"][:4] in buttons, "the date range spans the events' dates"


def test_events_over_time_by_quad_class(page: dict, expected: dict) -> None:
    chart = chart_with(page, "Events per month, by quad class (months with events)")
    assert expected["quad_class_names"] <= set(chart["text"]), "every quad class is in the legend"
    assert chart["paths"] > 10, "the stacked bars are drawn"


def test_top_actors_and_actor_pairs(page: dict, expected: dict) -> None:
    actors = chart_with(page, "Top actors (actor 1 or actor 2)")
    assert expected["top_actor"] in actors["text"]
    pairs = chart_with(page, "Top actor pairs (actor 1 → actor 2)")
    assert expected["top_pair"] in pairs["text"]
    assert actors["paths"] > 10 and pairs["paths"] > 10


def test_map_draws_one_bubble_per_place(page: dict, expected: dict) -> None:
    assert page["map_bubbles"] == len(expected["places"]) > 0
    places = next(table for table in page["tables"] if table["headers"][0] == "Place")
    assert [row[0] for row in places["rows"]] == expected["places"]


def test_latest_events_with_their_sentences(page: dict, expected: dict) -> None:
    latest = next(table for table in page["tables"] if "Sentence" in table["headers"])
    sentence = latest["headers"].index("Sentence")
    assert len(latest["rows"]) >= 10
    first_page = latest["rows"][:10]
    assert all(row[0] == expected["latest_date"] for row in first_page)
    assert {row[sentence] for row in first_page} <= expected["latest_sentences"]


def test_a_filter_narrows_every_chart(page: dict, expected: dict) -> None:
    assert "filter_error" not in page, page.get("filter_error")
    filtered = page["after_event_root_filter"]
    assert f"Event root (CAMEO) {expected['root_label']}" in filtered["buttons"]
    assert filtered["big_values"]["Events"] == f"{expected['root_events']:,}"
    assert expected["root_events"] < expected["events"]
    assert filtered["map_bubbles"] == expected["root_places"]
    latest = next(table for table in filtered["tables"] if "Sentence" in table["headers"])
    assert 0 < len(latest["rows"]) <= expected["root_events"]


def test_screenshot_is_saved(page: dict) -> None:
    header = SCREENSHOT.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert width == 1400 and height > 1500, (width, height)


def test_a_port_in_use_is_one_clear_line(chromium: str, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        completed = subprocess.run(
            ["make", "--no-print-directory", "dashboard", f"DASHBOARD_PORT={port}"],
            cwd=PROJECT_ROOT,
            env=make_environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert completed.returncode != 0
    message = [line for line in completed.stderr.splitlines() if line.startswith("Dashboard:")]
    assert len(message) == 1 and f"DASHBOARD_PORT={port + 1}" in message[0], completed.stderr
    assert not (tmp_path / "published").exists(), "nothing is loaded or built before the port is known to be free"
