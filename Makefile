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

# interp runs without the race detector: yaegi's ExecuteWithContext races
# with itself when a context is cancelled (an upstream bug), which every
# interrupt test would report.
gotest: build
	GOCELL_BIN=$(BIN) $(GO) test -race -count=1 ./cachecells ./display ./kernel ./kernel/internal/zmtpguard ./kernelspec
	GOCELL_BIN=$(BIN) $(GO) test -count=1 . ./interp

clienttest: build
	GOCELL_BIN=$(BIN) $(PYTHON) -m pytest -q -p no:cacheprovider kernel/clients

test: deps vet gotest clienttest

# Run the wire decoder's and the ZMTP frame reader's fuzz targets for a
# while each (FUZZTIME=10m make fuzz).
FUZZTIME ?= 2m
fuzz:
	$(GO) test ./kernel -run XXX -fuzz FuzzDecode -fuzztime $(FUZZTIME)
	$(GO) test ./kernel/internal/zmtpguard -run XXX -fuzz FuzzReader -fuzztime $(FUZZTIME) -fuzzminimizetime 5s

bench: build
	GOCELL_BIN=$(BIN) $(PYTHON) kernel/bench/kernel_bench.py
	GOCELL_BIN=$(BIN) $(PYTHON) kernel/bench/cache_bench.py
	$(GO) test -run XXX -bench . -benchtime 20x ./interp
	$(GO) test -run XXX -bench . ./cachecells

clean:
	rm -rf $(BUILD)
