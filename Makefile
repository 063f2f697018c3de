# Attain: the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?= -c release
ATTAIN = .build/release/attain

.PHONY: deps build demo demo-r28 demo-province test conformance bench bench-national probability-study totals-study fuzz clean

# Install the system LAPACK/BLAS, zlib and libxml2 headers when missing (Debian 12).
deps:
	@if ! dpkg -s liblapack-dev >/dev/null 2>&1; then \
		echo "Installing liblapack-dev (the system LAPACK)..."; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq liblapack-dev; \
	fi
	@# zlib's headers: ZIPFoundation deflates the .xlsx archives with the system zlib.
	@if ! dpkg -s zlib1g-dev >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq zlib1g-dev; \
	fi
	@# libxml2's headers and pkg-config file: worksheets are read with libxml2's SAX2 parser (the one under FoundationXML).
	@if ! dpkg -s libxml2-dev >/dev/null 2>&1 || ! command -v pkg-config >/dev/null; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libxml2-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS) --product attain

# The main job on the bundled example data.
demo: build
	./scripts/demo.sh $(ATTAIN)

# The second plan: the social-insurance targets of Resolution 28-NQ/TW on generated province data (notebooks-data/r28/),
# briefed with its two intervention scenarios compared; writes out/r28/briefing-r28-{vi,en}.html.
demo-r28: build
	./scripts/demo.sh $(ATTAIN) --data 'notebooks-data/r28/*.csv scenarios/r28/targets.yaml' --out out/r28 --name briefing-r28 \
		scenarios/r28/baseline.yaml scenarios/r28/enforcement-2027.yaml scenarios/r28/voluntary-support-2027.yaml

# Many units: the illustrative 58-commune province (notebooks-data/province-58/) regrouped by its new communes, the
# league of communes with the province as their sum, and the briefing with its unit-by-unit section (out/province/).
demo-province: build
	./scripts/demo-province.sh $(ATTAIN) out/province

# The whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# NIST StRD conformance table (digits reached per problem and start).
conformance: deps
	$(SWIFT) build -c release --package-path benchmarks
	benchmarks/.build/release/attain-bench conformance

# Benchmarks against peers measured in the same run (never part of `make test`).
bench: build
	./benchmarks/run.sh

# The national benchmark alone (also part of `make bench`): run --by unit on a generated file of 3,321 communes,
# 3 shards merged, and validate's peak memory on a 2M-row file (benchmarks/national.sh; NATIONAL_* variables there).
bench-national: build
	./benchmarks/national.sh

# End-to-end probability study of `attain run` on the shared real series (never part of `make test`; about 5 minutes
# on 2 cores). Options: make probability-study STUDY_ARGS="--quick" (see scripts/calibration/README.md).
probability-study: build
	python3 scripts/calibration/probability_study.py --attain $(ATTAIN) --jobs 2 $(STUDY_ARGS)

# Study of totals over units (`run --by unit --total`): county murders summed by state, against the state total run
# directly (never part of `make test`; about 1 minute on 2 cores). Options: TOTALS_ARGS="--shared-paths 0 --max-counties 100".
totals-study: build
	python3 scripts/calibration/totals_study.py --attain $(ATTAIN) --jobs 2 $(TOTALS_ARGS)

clean:
	rm -rf .build
