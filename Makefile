# Bootstrap only: make the virtualenv and the Node tools, then hand over to invoke (tasks.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: site test serve clean

$(PY_STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

site: $(PY_STAMP)
	$(BIN)/invoke build

test: $(PY_STAMP) $(NODE_STAMP)
	$(BIN)/invoke test

serve: $(PY_STAMP)
	$(BIN)/invoke serve

clean:
	rm -rf $(VENV) node_modules output
