# gocell — make test runs everything: Go unit tests, the end-to-end tests
# against the built binary, and the real Jupyter clients' suite.

GO      ?= go
PYTHON  ?= /usr/bin/python3
BUILD   := $(CURDIR)/.build
BIN     := $(BUILD)/gocell

export PYDEVD_DISABLE_FILE_VALIDATION = 1

.PHONY: all build test deps vet gotest clienttest fuzz bench clean

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

test: deps vet gotest clienttest

# Run the wire decoder's fuzz target for a while (FUZZTIME=10m make fuzz).
FUZZTIME ?= 2m
fuzz:
	$(GO) test ./kernel -run XXX -fuzz FuzzDecode -fuzztime $(FUZZTIME)

bench: build
	GOCELL_BIN=$(BIN) $(PYTHON) kernel/bench/kernel_bench.py
	GOCELL_BIN=$(BIN) $(PYTHON) kernel/bench/cache_bench.py
	$(GO) test -run XXX -bench . -benchtime 20x ./interp/...
	$(GO) test -run XXX -bench . ./cachecells
	$(GO) test -run XXX -bench . -benchtime 200x ./interp/bundled

clean:
	rm -rf $(BUILD)
