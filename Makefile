# The two commands: `make run` (install + load the sample + print what was built) and `make test`.
# Each target creates .venv and installs the project on first use, so a fresh clone needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROJECT_DIR := $(abspath .)

# Dagster reads dagster.yaml from DAGSTER_HOME (the project root). One Dagster instance per warehouse:
# its run history, partitions and pool slots live beside the warehouse (data/dagster/warehouse for the
# default data/warehouse.duckdb), so two warehouses never mix partitions or wait for each other's slots.
export DAGSTER_HOME := $(PROJECT_DIR)
WAREHOUSE_PATH ?= $(PROJECT_DIR)/data/warehouse.duckdb
export DAGSTER_STORAGE_DIR ?= $(dir $(abspath $(WAREHOUSE_PATH)))dagster/$(basename $(notdir $(WAREHOUSE_PATH)))

.PHONY: help install run test ui daemon sql bench bench-queries docs dashboard test-dashboard test-slow clean

help: ## list the targets
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  make %-14s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

install: $(STAMP) ## create .venv and install the project (every target does it on first use)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) ## load what is new in CORPUS_DIR (the sample) and print what was built
	$(BIN)/python -m orchestration.run

test: $(STAMP) ## run the test suite (slow tests excluded)
	$(BIN)/python -m pytest

# The DuckDB CLI on the published warehouse, read-only (installs duckdb-cli into .venv on first use).
PUBLISHED_WAREHOUSE_PATH ?= $(dir $(abspath $(WAREHOUSE_PATH)))published/$(notdir $(WAREHOUSE_PATH))
DUCKDB_CLI_VERSION := 1.5.6
sql: $(STAMP) ## the DuckDB CLI on the published warehouse, read-only
	@test -x $(BIN)/duckdb || $(BIN)/pip install --quiet duckdb-cli==$(DUCKDB_CLI_VERSION)
	@test -f $(PUBLISHED_WAREHOUSE_PATH) || { echo "No published warehouse at $(PUBLISHED_WAREHOUSE_PATH): run make run first." >&2; exit 2; }
	$(BIN)/duckdb -readonly $(PUBLISHED_WAREHOUSE_PATH)

ui: $(STAMP) ## the Dagster UI at http://127.0.0.1:3000
	$(BIN)/dagster dev -m orchestration.definitions

# The sensor and schedule without the UI (turn them on in the UI, or with `dagster sensor start`).
daemon: $(STAMP) ## the sensor and the schedule, without the UI
	$(BIN)/dagster-daemon run -m orchestration.definitions

# BENCH_DOCS=N sets the corpus size (default 1000); BENCH_INCREMENTAL=0 skips the incremental part;
# BENCH_WAREHOUSE_SIZES=0,1000,5000,10000 loads 10 new documents into one more warehouse size.
bench: $(STAMP) ## the load's speed and memory (BENCH_DOCS documents)
	$(BIN)/python -m benchmarks.run_benchmark

# The shipped queries and the dashboard's on the sample grown to BENCH_EVENTS events (default 1,000,000):
# median of BENCH_REPEATS warm runs (default 5), in milliseconds.
bench-queries: $(STAMP) ## the queries' speed on the sample grown to BENCH_EVENTS events
	$(BIN)/python -m benchmarks.query_benchmark

# The data dictionary (docs/data_dictionary.md), from the models and the bundled sample, loaded into a
# warehouse of its own (data/docs) whatever CORPUS_DIR and WAREHOUSE_PATH say.
DOCS_WAREHOUSE := $(PROJECT_DIR)/data/docs/sample.duckdb
docs: $(STAMP) ## regenerate docs/data_dictionary.md and the README's examples from the sample
	FULL_REFRESH=1 CORPUS_DIR=$(PROJECT_DIR)/seeds/documents WAREHOUSE_PATH=$(DOCS_WAREHOUSE) PUBLISHED_WAREHOUSE_PATH= \
		DAGSTER_STORAGE_DIR=$(PROJECT_DIR)/data/docs/dagster $(BIN)/python -m orchestration.run > /dev/null
	$(BIN)/python -m warehouse.generated_docs $(PROJECT_DIR)/data/docs/published/sample.duckdb

# The dashboard (dashboard/, an Evidence project) over the *published* warehouse, served until Ctrl-C. On
# first use it loads the sample if nothing is published yet (as `make run` does) and installs its npm
# packages (npm ci); it rebuilds (evidence sources + build) only when the published warehouse or the
# dashboard's files changed since the last build. DASHBOARD_HOST=0.0.0.0 serves other machines too.
DASHBOARD_PORT ?= 3001
DASHBOARD_HOST ?= 127.0.0.1
DASHBOARD_WAREHOUSE = $(abspath $(or $(PUBLISHED_WAREHOUSE_PATH),$(dir $(abspath $(WAREHOUSE_PATH)))published/$(notdir $(WAREHOUSE_PATH))))
DASHBOARD_NPM_STAMP := dashboard/node_modules/.installed
dashboard: $(STAMP) ## the dashboard over the published warehouse at http://localhost:3001 (DASHBOARD_PORT)
	@$(BIN)/python dashboard/serve.py --check --host $(DASHBOARD_HOST) --port $(DASHBOARD_PORT)
	@command -v npm > /dev/null && node -e 'process.exit(parseInt(process.versions.node) < 18 ? 1 : 0)' \
		|| { echo "Dashboard: needs Node.js 18 or newer and npm (Debian: apt-get install nodejs npm)" >&2; exit 1; }
	@test -f "$(DASHBOARD_WAREHOUSE)" || { echo "No published warehouse at $(DASHBOARD_WAREHOUSE): loading first."; \
		$(BIN)/python -m orchestration.run; }
	@if [ ! -f $(DASHBOARD_NPM_STAMP) ] || [ dashboard/package-lock.json -nt $(DASHBOARD_NPM_STAMP) ]; then \
		cd dashboard && npm ci --no-audit --no-fund && touch node_modules/.installed; fi
	@ln -sfn "$(DASHBOARD_WAREHOUSE)" dashboard/sources/warehouse/warehouse.duckdb
	@fingerprint="$$($(BIN)/python dashboard/fingerprint.py "$(DASHBOARD_WAREHOUSE)")" && \
	if [ "$$fingerprint" = "$$(cat dashboard/build/.fingerprint 2> /dev/null)" ]; then \
		echo "The dashboard is up to date with $(DASHBOARD_WAREHOUSE)."; \
	else \
		rm -f dashboard/build/.fingerprint && cd dashboard && \
		SEND_ANONYMOUS_USAGE_STATS=no npx --no-install evidence sources --strict && \
		SEND_ANONYMOUS_USAGE_STATS=no npx --no-install evidence build:strict && \
		echo "$$fingerprint" > build/.fingerprint; \
	fi
	@$(BIN)/python dashboard/serve.py --host $(DASHBOARD_HOST) --port $(DASHBOARD_PORT)

test-dashboard: $(STAMP) ## the dashboard on the sample in headless Chromium (slow); saves docs/dashboard.png
	$(BIN)/python -m pytest -m slow tests/test_dashboard.py

test-slow: $(STAMP) ## every slow test (today: the dashboard in a browser)
	$(BIN)/python -m pytest -m slow

clean: ## remove .venv and data/
	rm -rf $(VENV) data .pytest_cache
