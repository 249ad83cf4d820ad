# AppraisalVault — two commands do everything on a fresh Debian/Ubuntu machine:
#   make demo   run the sample appraisal round end to end
#   make test   run the whole test suite
# Both install libsodium-dev first when it is missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
DEMO_DIR ?= demo-round

.PHONY: all deps build release demo test test-large bench bench-4g fuzz fuzz-smoke tamper crash lint format clean

all: build

deps:
	@if ! pkg-config --exists libsodium 2>/dev/null; then \
		echo "Installing libsodium-dev…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsodium-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build
	@bash scripts/demo.sh "$(DEMO_DIR)"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --disable-xctest --skip-build

# Large cases kept out of the normal suite (1 GiB attachment round trip); use a release build.
test-large: deps
	$(SWIFT) build -c release --build-tests
	AVAULT_LARGE_TESTS=1 $(SWIFT) test -c release --disable-xctest --skip-build --filter oneGibibyte

# Benchmarks (docs/performance.md): release build; installs age, minisign and hyperfine
# with apt-get when missing. BENCH_DIR must be on disk (not tmpfs). P1 at 4 GiB: `make bench-4g`.
BENCH_DIR ?= /var/tmp
BENCH_RUNS ?= 3
bench: release
	.build/release/avault bench stream --size 1024 --runs $(BENCH_RUNS) --dir $(BENCH_DIR)
	.build/release/avault bench verify --files 10000 --runs $(BENCH_RUNS) --dir $(BENCH_DIR)
	.build/release/avault bench file --runs 200 --dir $(BENCH_DIR)
	.build/release/avault bench merge --units 29 --sub-criteria 72 --members 8 --runs 5
	.build/release/avault bench merge --units 1000 --sub-criteria 100 --members 100 --runs $(BENCH_RUNS)
	.build/release/avault bench merge --units 10000 --sub-criteria 100 --members 100 --runs 1

bench-4g: release
	.build/release/avault bench stream --size 4096 --runs 1 --dir $(BENCH_DIR)

# Fuzzing (docs/fuzzing.md): every libFuzzer target for FUZZ_SECONDS each (sanitizer build in .build-fuzz).
FUZZ_SECONDS ?= 120
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# The CI smoke: every target for 6 s (about 90 s of fuzzing plus the build).
fuzz-smoke: deps
	FUZZ_SECONDS=6 bash scripts/fuzz.sh

# The exhaustive tamper sweep (every flip and truncation of files ≤ 64 KiB,
# ≥ 10,000 positions of larger ones); `make test` runs a sampled version.
tamper: deps
	$(SWIFT) build --build-tests
	AVAULT_TAMPER_FULL=1 $(SWIFT) test --disable-xctest --skip-build --filter TamperTests

# Crash safety (threat model S10): SIGKILL avault at random points of seal, receive, merge and release combine
# (CRASH_TRIALS per command; `make test` runs 2 per command).
CRASH_TRIALS ?= 30
crash: deps
	$(SWIFT) build --build-tests
	AVAULT_CRASH_TRIALS=$(CRASH_TRIALS) $(SWIFT) test --disable-xctest --skip-build --filter CrashTests

# Style (docs/style.md, configuration in .swift-format): `lint` checks, `format` rewrites in place.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz

format:
	$(SWIFT) format --in-place --recursive Sources Tests Fuzz

clean:
	rm -rf .build .build-fuzz $(DEMO_DIR)
