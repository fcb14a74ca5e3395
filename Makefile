# Bootstrap only: make the virtualenv and the Node tools, then hand over to invoke (tasks.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
BROWSER_STAMP := $(VENV)/.browser
NGINX_STAMP := $(VENV)/.nginx

# Registries and Debian's mirror sometimes fail a download: each install tries three times.
RETRY := for try in 1 2 3; do
DONE := && break; [ $$try = 3 ] && exit 1; sleep 10; done

.PHONY: bootstrap site test serve clean

$(PY_STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(RETRY) $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock $(DONE)
	touch $@

$(NODE_STAMP): package.json package-lock.json
	$(RETRY) npm ci --no-audit --no-fund --ignore-scripts $(DONE)
	touch $@

# The browser tests drive Debian's Chromium; install it when it is missing (needs root,
# as on this project's machines and CI).
$(BROWSER_STAMP): $(PY_STAMP)
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || { $(RETRY) \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  chromium chromium-driver $(DONE); }
	touch $@

# The server test runs Debian's nginx over a built site (tests/test_nginx.py): its own
# nginx, on a loopback port. (Where services start on install, apt also starts Debian's
# default site on port 80; in containers such as CI's, policy-rc.d keeps it stopped.)
$(NGINX_STAMP): $(PY_STAMP)
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { $(RETRY) \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  nginx $(DONE); }
	touch $@

# The virtualenv with the pinned packages, nothing built (CI publishing starts here).
bootstrap: $(PY_STAMP)

site: $(PY_STAMP)
	$(BIN)/invoke build

test: $(PY_STAMP) $(NODE_STAMP) $(BROWSER_STAMP) $(NGINX_STAMP)
	$(BIN)/invoke test

serve: $(PY_STAMP)
	$(BIN)/invoke serve

clean:
	rm -rf $(VENV) node_modules output .output.cache
