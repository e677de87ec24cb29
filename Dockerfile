# syntax=docker/dockerfile:1
# Build stage: go-sqlite3 needs cgo, so gcc is in the builder and the binary
# is linked statically (the same flags the Makefile's static target uses),
# which lets the runtime stage hold nothing but the binary and CA roots.
FROM golang:1.26-bookworm AS build
# The lexical resources the aligner reads (see .ci/apt-packages); their data
# files are copied into the runtime image below.
COPY .ci/apt-packages /tmp/apt-packages
RUN apt-get update \
 && apt-get install -y --no-install-recommends $(grep -v '^#' /tmp/apt-packages) \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=1 go build -trimpath \
      -tags 'sqlite_omit_load_extension osusergo netgo' \
      -ldflags "-s -w -X main.version=${VERSION} -linkmode external -extldflags -static" \
      -o /out/interlinear . \
 && mkdir -p /out/data

# Runtime stage: a static binary, run as an unprivileged user, with the
# database on a volume.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/interlinear /interlinear
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build /usr/share/wordnet /usr/share/wordnet
COPY --from=build /usr/share/dictd /usr/share/dictd
COPY --from=build /usr/share/unicode /usr/share/unicode
USER 65532:65532
ENV INTERLINEAR_ADDR=0.0.0.0:8080 \
    INTERLINEAR_DB=/data/interlinear.db \
    INTERLINEAR_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
  CMD ["/interlinear", "-healthcheck"]
ENTRYPOINT ["/interlinear"]
