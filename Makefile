# gocell — make test runs everything: Go unit tests, the end-to-end tests
# against the built binary, the real Jupyter clients' suite, and the browser
# suite (classic Notebook in Chromium, JupyterLab's client and renderer).

GO      ?= go
PYTHON  ?= /usr/bin/python3
BUILD   := $(CURDIR)/.build
BIN     := $(BUILD)/gocell
BROWSER := kernel/clients/browser

export PYDEVD_DISABLE_FILE_VALIDATION = 1

.PHONY: all build test deps vet gotest clienttest browsertest fuzz bench clean

all: build

build:
	$(GO) build -o $(BIN) .

deps:
	./.ci/install-deps

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# These run without the race detector: yaegi's ExecuteWithContext races with
# itself when a running cell is cancelled (an upstream bug), which every
# interrupt test would report; interp/build runs the go command for minutes.
NORACE_PKGS := . ./interp ./interp/internal/stdfix ./interp/interrupt ./interp/snapshot ./interp/build
RACE_PKGS    = $(filter-out $(NORACE_PKGS),$(shell $(GO) list ./... | sed 's|^github.com/gocell/gocell|.|'))

gotest: build
	GOCELL_BIN=$(BIN) $(GO) test -race -count=1 $(RACE_PKGS)
	GOCELL_BIN=$(BIN) $(GO) test -count=1 $(NORACE_PKGS)

clienttest: build
	GOCELL_BIN=$(BIN) $(PYTHON) -m pytest -q -p no:cacheprovider kernel/clients

# Screenshots land in $(BROWSER)/artifacts.
browsertest: build $(BROWSER)/node_modules/.package-lock.json
	cd $(BROWSER) && GOCELL_BIN=$(BIN) node --test --test-concurrency=1 test/*.test.js

$(BROWSER)/node_modules/.package-lock.json: $(BROWSER)/package-lock.json
	cd $(BROWSER) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error

test: deps vet gotest clienttest browsertest

# Run the wire decoder's fuzz target for a while (FUZZTIME=10m make fuzz).
FUZZTIME ?= 2m
fuzz:
	$(GO) test ./kernel -run XXX -fuzz FuzzDecode -fuzztime $(FUZZTIME)

bench: build
	GOCELL_BIN=$(BIN) $(PYTHON) kernel/bench/kernel_bench.py
	GOCELL_BIN=$(BIN) $(PYTHON) kernel/bench/cache_bench.py
	GOCELL_BIN=$(BIN) $(PYTHON) kernel/bench/redis_bench.py
	$(GO) test -run XXX -bench . -benchtime 20x ./interp/...
	$(GO) test -run XXX -bench . ./cachecells
	$(GO) test -run XXX -bench . -benchtime 200x ./interp/bundled

clean:
	rm -rf $(BUILD)
