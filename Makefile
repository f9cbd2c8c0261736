# regpool — the README's two commands are `make run` (sample nightly build) and `make test`.
# Both install what a bare Debian machine lacks: system libraries with apt-get (libxml2, libcsv,
# zstd, snappy, zlib, readstat), the Python readers used to verify outputs (pyarrow, DuckDB,
# polars, fastparquet, pyspark, pyreadstat, lifelines) into a local virtual environment, and (for
# the tests only) Debian's chromium, which opens every build's report.html, and a Java runtime
# for Spark.

SHELL := /bin/bash
SWIFT ?= swift
VENV ?= .venv
PY := $(VENV)/bin/python
APT_PACKAGES := libxml2-dev libcsv-dev libzstd-dev libsnappy-dev zlib1g-dev libreadstat-dev libmimalloc-dev pkg-config strace \
	time
TEST_APT_PACKAGES := chromium default-jre-headless
PY_PACKAGES := pyarrow==26.0.1 duckdb==2.0.0 polars==2.1.0 lifelines==0.30.3 websocket-client==1.9.0 \
	fastparquet==2026.9.0 pyspark==4.3.0 pyreadstat==1.3.7 jsonschema==4.26.0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PIPELINE ?= pipelines/sample-nightly.yaml

.PHONY: run test lint format deps apt-deps test-apt-deps install-apt py-deps build release bench bench-core bench-writer bench-linkage bench-scale golden \
	report-screenshot crash-test clean

## run: build regpool (release) and run the sample nightly pipeline into builds/
run: apt-deps release
	@.build/release/regpool run $(PIPELINE); status=$$?; \
	if [ $$status -eq 3 ]; then echo "(exit 3: built with rejected inputs — the samples plant bad records on purpose; see builds/current/audit.jsonl)"; \
	elif [ $$status -ne 0 ]; then exit $$status; fi

## test: every test — Swift unit, golden and interop tests (outputs read back by pyarrow, DuckDB,
## polars; survival figures recomputed by lifelines; report.html opened in headless Chromium)
# A skipped test is a failure: the XCTest summary must not report any.
test: deps test-apt-deps lint
	mkdir -p .build
	REGPOOL_PYTHON=$(abspath $(PY)) REGPOOL_REQUIRE_INTEROP=1 \
		bash -o pipefail -c '$(SWIFT) test --disable-swift-testing 2>&1 | tee .build/test.log'
	@if grep -E 'with [0-9]+ tests? skipped' .build/test.log; then \
		echo "make test: a skipped test is a failure (see the XCTSkip lines in .build/test.log)"; exit 1; fi

## lint: the toolchain's swift-format checks Sources, Tests and Package.swift against .swift-format
## (layout and rules; any finding fails); `make format` rewrites the files to pass. Then every
## target's imports against Package.swift, and the pure modules' (docs/ARCHITECTURE.md)
SWIFT_SOURCES := Sources Tests Package.swift
lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)
	python3 Tests/ops/check_imports.py

format:
	$(SWIFT) format --in-place --recursive --parallel $(SWIFT_SOURCES)

## golden: re-record the pipeline golden files after an intended output change (review the diff!)
golden: deps
	REGPOOL_PYTHON=$(abspath $(PY)) REGPOOL_RECORD_GOLDEN=1 $(SWIFT) test --filter RegpoolPipelineTests.GoldenTests

## bench: regpool full/incremental against the SQL peer (DuckDB doing the mapping, tables checked
## equal) and the bare conversion at CORE_SIZES patients, the eight-centre consortium, extraction
## memory, and linkage at LINKAGE_SIZES local patients against DuckDB (see benchmarks/README.md)
LINKAGE_SIZES ?= 100000,1000000
LINKAGE_PROFILE ?= sample
CORE_SIZES ?= 200000,1000000
bench: deps release
	$(PY) benchmarks/run_bench.py --regpool .build/release/regpool --python $(abspath $(PY)) \
		--patients $(CORE_SIZES) --linkage-sizes $(LINKAGE_SIZES) --linkage-profile $(LINKAGE_PROFILE)
	$(SWIFT) build -c release --product regpool-parquet-bench
	$(PY) benchmarks/bench_writer.py --bench .build/release/regpool-parquet-bench --rows $(WRITER_ROWS)

## bench-writer: the Parquet writer against pyarrow writing the same 1M-row table (every codec)
WRITER_ROWS ?= 1000000
bench-writer: deps
	$(SWIFT) build -c release --product regpool-parquet-bench
	$(PY) benchmarks/bench_writer.py --bench .build/release/regpool-parquet-bench --rows $(WRITER_ROWS)

## bench-core: only regpool against the SQL peer (200k and 1M) and the eight-centre consortium
bench-core: deps release
	$(PY) benchmarks/run_bench.py --regpool .build/release/regpool --python $(abspath $(PY)) --core \
		--patients $(CORE_SIZES)

## bench-linkage: only the linkage part of `make bench`
bench-linkage: deps release
	$(PY) benchmarks/run_bench.py --regpool .build/release/regpool --linkage --linkage-sizes $(LINKAGE_SIZES) \
		--linkage-profile $(LINKAGE_PROFILE)

## bench-scale: extraction memory up to ~1.6 GB of CSV and ~1 GB of XML (100x of 62k / 7k patients; slow)
bench-scale: deps release
	$(PY) benchmarks/run_bench.py --regpool .build/release/regpool --extraction-only \
		--extraction-base 62000 --xml-extraction-base 7000

deps: apt-deps py-deps

## crash-test: SIGKILL `regpool run` (release) at CRASH_KILLS random moments of a sample build; after
## each, builds/current must pass `regpool verify` and the next run must succeed (docs/operations.md)
CRASH_KILLS ?= 50
crash-test: deps release
	$(PY) Tests/ops/crash_test.py --regpool .build/release/regpool --root . --kills $(CRASH_KILLS) \
		--schema docs/schemas/audit-event.v1.json

## report-screenshot: the sample build's report.html opened in headless Chromium (no errors
## allowed), saved as out/report.png and out/report.pdf (A4, as it prints)
report-screenshot: run test-apt-deps py-deps
	@mkdir -p out
	$(PY) Tests/interop/chromium_check.py builds/current/report.html --screenshot out/report.png --pdf out/report.pdf

apt-deps:
	@$(MAKE) --no-print-directory install-apt PACKAGES="$(APT_PACKAGES)"

test-apt-deps:
	@$(MAKE) --no-print-directory install-apt PACKAGES="$(TEST_APT_PACKAGES)"

install-apt:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

py-deps: $(VENV)/.installed

$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check $(PY_PACKAGES)
	touch $@

build: apt-deps
	$(SWIFT) build

release: apt-deps
	$(SWIFT) build -c release --product regpool

clean:
	rm -rf .build builds $(VENV) benchmarks/data benchmarks/out
