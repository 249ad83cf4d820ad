# AppraisalVault — two commands do everything on a fresh Debian/Ubuntu machine:
#   make demo   run the sample appraisal round end to end
#   make test   run the whole test suite
# Both install libsodium-dev first when it is missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
DEMO_DIR ?= demo-round

.PHONY: all install manpage deps report-deps pages build release test-release-binary demo libreoffice-roundtrip test test-large bench-deps bench bench-4g bench-detail fuzz-tests fuzz fuzz-smoke tamper crash race lint format clean

all: build

deps:
	@if ! pkg-config --exists libsodium 2>/dev/null; then \
		echo "Installing libsodium-dev…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsodium-dev pkg-config; \
	fi

# Chromium prints the PDF report; pdftoppm (poppler-utils) turns it into page images. The page
# asks for Times New Roman, else Liberation Serif, which must cover Vietnamese: Liberation 1.x
# (fonts-liberation) does not, and Chromium then takes each missing letter (ế, ữ, ở…) from
# another font; fonts-liberation2 does.
report-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null \
		|| ! fc-list ':lang=vi' family | grep -q 'Liberation Serif'; then \
		echo "Installing chromium, poppler-utils and fonts-liberation2…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium poppler-utils fonts-liberation2; \
	fi

# The demo round's official report as PDF and PNG pages (PAGES_DIR/report.pdf, report-N.png at
# 100 dpi), and a unit's notice of its preliminary result (notice.pdf, notice-N.png, made by
# scripts/notice-page.sh), to look at before a change to either lands; docs/report-page1.png and
# docs/notice-page1.png are their first pages.
PAGES_DIR ?= pages
pages: build report-deps
	@rm -rf "$(PAGES_DIR)" && mkdir -p "$(PAGES_DIR)"
	@bin=$$($(SWIFT) build --product avault --show-bin-path)/avault; \
		$$bin demo --dir "$(PAGES_DIR)/demo" --samples samples --keys keys >/dev/null && \
		$$bin report --round "$(PAGES_DIR)/demo/round" --format pdf -o "$(PAGES_DIR)/report.pdf" && \
		pdftoppm -r 100 -png "$(PAGES_DIR)/report.pdf" "$(PAGES_DIR)/report" && \
		echo "$(PAGES_DIR)/report.pdf: $$(ls "$(PAGES_DIR)"/report-*.png | wc -l) pages as PNG in $(PAGES_DIR)/" && \
		bash scripts/notice-page.sh "$$bin" "$(PAGES_DIR)"

# The product only (a plain `swift build` would also compile the benchmarks).
build: deps
	$(SWIFT) build --product avault

# Release builds are linked as one static executable (`-static-executable`: the Swift runtime,
# Foundation, libsodium and glibc inside the binary, no dynamic loader at start), so a new process
# starts in about 2 ms; the shared libstdc++ alone cost ~1 ms per start (docs/performance.md). The
# link warns that glibc's dlopen/NSS need the same glibc at run time: avault never looks up users,
# hosts or plugins. Where static libsodium/glibc are missing (the toolchain's clang cannot link a
# static C program with -lsodium) they fall back to `-static-stdlib`, linked with lld and packed
# relative relocations where glibc reads them (DT_RELR, glibc >= 2.36): 83,000 relocation entries
# become 16 KB, about 0.3 ms less per process.
TOOLBIN := $(shell dirname "$$(readlink -f "$$(command -v $(SWIFT))")")
STATIC_EXE := $(shell printf 'int main(void){return 0;}\n' | "$(TOOLBIN)/clang" -x c - -static -lsodium \
	-o /dev/null 2>/dev/null && echo yes)
LLD := $(if $(wildcard $(TOOLBIN)/ld.lld),-Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)
RELR := $(shell printf '2.36\n%s\n' "$$(getconf GNU_LIBC_VERSION 2>/dev/null | cut -d' ' -f2)" | sort -V -C && echo yes)
STATIC := $(if $(STATIC_EXE),-Xswiftc -static-executable $(LLD),-Xswiftc -static-stdlib $(LLD) \
	$(if $(and $(LLD),$(RELR)),-Xlinker -z -Xlinker pack-relative-relocs))
release: deps
	$(SWIFT) build -c release --product avault $(STATIC)

# The release binary and the man page (docs/avault.1) under DESTDIR/PREFIX.
PREFIX ?= /usr/local
DESTDIR ?=
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/man/man1"
	install -m 755 "$$($(SWIFT) build -c release --product avault $(STATIC) --show-bin-path)/avault" "$(DESTDIR)$(PREFIX)/bin/avault"
	install -m 644 docs/avault.1 "$(DESTDIR)$(PREFIX)/share/man/man1/avault.1"

# docs/avault.1 and the per-command exit statuses in docs/cli.md, from the binary's definitions.
manpage: build
	python3 scripts/gen-manpage.py "$$($(SWIFT) build --product avault --show-bin-path)/avault"

demo: build
	@bash scripts/demo.sh "$(DEMO_DIR)"

# An XLSX worksheet through headless LibreOffice (.xlsx and .csv) and sealed; needs `soffice`.
libreoffice-roundtrip: build
	@bash scripts/libreoffice-roundtrip.sh

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --disable-xctest --skip-build
	RACE_TRIALS=5 python3 scripts/race.py

# The end-to-end suite (Tests/CLITests) driving the binary `make release` ships (one static
# executable where the toolchain can link it) instead of the debug build.
test-release-binary: release
	$(SWIFT) build --build-tests
	AVAULT_CLI_BINARY="$$(pwd)/.build/release/avault" $(SWIFT) test --disable-xctest --skip-build --filter CLITests

# Large cases kept out of the normal suite (1 GiB attachment round trip, and the binary's peak
# memory on a 1 GiB attachment against a 1 MiB one); use a release build. Scratch files (about
# 3 GiB) go under LARGE_DIR, which must be on disk (not tmpfs). `-enable-testing`: avault-bench
# and the tests use `@testable import`.
LARGE_DIR ?= /var/tmp
test-large: deps
	$(SWIFT) build -c release --build-tests -Xswiftc -enable-testing
	TMPDIR=$(LARGE_DIR) AVAULT_LARGE_TESTS=1 $(SWIFT) test -c release --disable-xctest --skip-build --filter oneGibibyte

# Benchmarks (docs/performance.md): the avault-bench executable (Sources/avault-bench), release
# build. The peers it measures against are installed here when missing (the benchmark binary never
# installs anything). It is built in its own scratch path (.build/bench): it needs
# `-enable-testing`, and sharing .build/release with `make release` (which must not have it: the
# start-up rows time that binary) would rebuild everything at each switch.
#   bench         one table of every case of issue 16 (`avault-bench table`: avault and the peer
#                 alternately, BENCH_PAIRS pairs, medians, ratio, goal met/missed; ≈ 10–15 min);
#                 BENCH_MD=FILE also writes it as Markdown. `avault-bench table --quick`: ≈ 30 s.
#   bench-4g      P1 at 4 GiB (peak RSS ≤ 32 MiB), on disk only.
#   bench-detail  the per-phase tables (stream, verify, file, merge at three sizes).
# BENCH_DIR must be on disk (not tmpfs); P1's tmpfs rows use /dev/shm.
BENCH_DIR ?= /var/tmp
BENCH_PAIRS ?= 3
BENCH_RUNS ?= 3
BENCH_MD ?=
BENCH := .build/bench/release/avault-bench
bench-deps: deps
	@missing=""; \
	for tool in age:age minisign:minisign hyperfine:hyperfine /usr/bin/time:time; do \
		command -v "$${tool%%:*}" >/dev/null 2>&1 || missing="$$missing $${tool##*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing…"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	$(SWIFT) build -c release --product avault-bench --scratch-path .build/bench -Xswiftc -enable-testing $(STATIC)

bench: bench-deps release
	$(BENCH) table --pairs $(BENCH_PAIRS) --dir $(BENCH_DIR) --avault .build/release/avault \
		$(if $(BENCH_MD),--markdown $(BENCH_MD))

bench-4g: bench-deps
	$(BENCH) table --cases p1 --size 4096 --pairs 1 --tmpfs '' --dir $(BENCH_DIR)

bench-detail: bench-deps
	$(BENCH) stream --size 1024 --runs $(BENCH_RUNS) --dir $(BENCH_DIR)
	$(BENCH) verify --files 10000 --runs $(BENCH_RUNS) --dir $(BENCH_DIR)
	$(BENCH) file --runs 200 --dir $(BENCH_DIR)
	$(BENCH) merge --units 29 --sub-criteria 72 --members 8 --runs 5
	$(BENCH) merge --units 1000 --sub-criteria 100 --members 100 --runs $(BENCH_RUNS)
	$(BENCH) merge --units 10000 --sub-criteria 100 --members 100 --runs 1

# Fuzzing (docs/fuzzing.md), all from the separate Fuzz package (Fuzz/Package.swift):
#   fuzz-tests  its Swift tests (corpus replay, seed generator), debug build in Fuzz/.build
#   fuzz        every libFuzzer target for FUZZ_SECONDS each (sanitizer build in .build-fuzz)
#   fuzz-smoke  the CI smoke: the tests, then every target for 6 s
FUZZ_SECONDS ?= 120
fuzz-tests: deps
	$(SWIFT) build --package-path Fuzz --build-tests
	$(SWIFT) test --package-path Fuzz --disable-xctest --skip-build

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

fuzz-smoke: fuzz-tests
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

# Two commands at once (spec §6.1 "Lock"): RACE_TRIALS trials of each pair of concurrent commands
# (receive ‖ receive, receive ‖ merge, merge ‖ merge, evidence receive ‖ merge) on one round
# folder, each checked with verify and the journal; `make test` runs 5 per pair.
RACE_TRIALS ?= 100
race: build
	RACE_TRIALS=$(RACE_TRIALS) python3 scripts/race.py

# Style (docs/style.md, configuration in .swift-format): `lint` checks, `format` rewrites in place.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz

format:
	$(SWIFT) format --in-place --recursive Sources Tests Fuzz

clean:
	rm -rf .build .build-fuzz Fuzz/.build $(DEMO_DIR)
