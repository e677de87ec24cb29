# Build, test and lint Interlinear. `make help` lists the targets.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: help build static test lint bench fuzz
help:
	@echo "build   build ./interlinear (cgo, for this machine)"
	@echo "static  build a fully static ./interlinear for a scratch or distroless image"
	@echo "test    go test ./... (the README's test command)"
	@echo "lint    gofmt, go vet and staticcheck"
	@echo "bench   the benchmarks quoted in the README"
	@echo "fuzz    each fuzz target for FUZZTIME (default 10s)"

build:
	CGO_ENABLED=1 go build -trimpath -ldflags '$(LDFLAGS)' -o interlinear .

static:
	CGO_ENABLED=1 go build -trimpath -tags 'sqlite_omit_load_extension osusergo netgo' \
	  -ldflags '-s -w $(LDFLAGS) -linkmode external -extldflags -static' -o interlinear .

test:
	go test ./...

lint:
	test -z "$$(gofmt -l $$(git ls-files '*.go'))"
	go vet ./...
	go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	go test -run '^$$' -bench . -benchmem ./lang/... ./server/...

FUZZTIME ?= 10s
fuzz:
	@for pkg in $$(go list ./lang/... ./server/...); do \
	  for f in $$(go test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; go test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done
