# vpcepfake in a container: a static binary on an empty base image, run as
# a non-root user, listening on all interfaces of the container.
#
#   docker build -t vpcepfake .
#   docker run --rm -p 8780:8780 vpcepfake -manual-clock
#
# Every flag also works as a VPCEPFAKE_* variable (docker run -e ...).
# cmd/vpcepfake/docker_test.go runs the build command below and checks
# that its output is static.

FROM golang:1.25 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/vpcepfake ./cmd/vpcepfake

FROM scratch
COPY --from=build /out/vpcepfake /vpcepfake
COPY LICENSE /LICENSE
USER 65532:65532
# Inside the container the loopback default would be unreachable.
ENV VPCEPFAKE_ADDR=0.0.0.0:8780
# The control API (/_fake/: reset, state, clock) answers only requests whose
# Host header names an allowed host, so that a web page cannot drive it
# through the published port (DNS rebinding). Add the names clients use to
# reach the container, e.g. the service name in docker compose:
#   docker run -e VPCEPFAKE_ALLOWED_HOSTS=localhost,127.0.0.1,vpcepfake ...
ENV VPCEPFAKE_ALLOWED_HOSTS=localhost,127.0.0.1
EXPOSE 8780
ENTRYPOINT ["/vpcepfake"]
