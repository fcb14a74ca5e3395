# Bootstrap only: make the virtualenv and the Node tools, then hand over to invoke (tasks.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
BROWSER_STAMP := $(VENV)/.browser

.PHONY: site test serve clean

$(PY_STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# The browser tests drive Debian's Chromium; install it when it is missing (needs root,
# as on this project's machines and CI).
$(BROWSER_STAMP): $(PY_STAMP)
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }
	touch $@

site: $(PY_STAMP)
	$(BIN)/invoke build

test: $(PY_STAMP) $(NODE_STAMP) $(BROWSER_STAMP)
	$(BIN)/invoke test

serve: $(PY_STAMP)
	$(BIN)/invoke serve

clean:
	rm -rf $(VENV) node_modules output
