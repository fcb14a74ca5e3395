# Bootstrap only: make the virtualenv and the Node tools, then hand over to invoke (tasks.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
BROWSER_STAMP := $(VENV)/.browser
NGINX_STAMP := $(VENV)/.nginx
FONTS_STAMP := $(VENV)/.fonts

# Registries and Debian's mirror sometimes fail a download: each install tries three times.
RETRY := for try in 1 2 3; do
DONE := && break; [ $$try = 3 ] && exit 1; sleep 10; done

.PHONY: bootstrap site test serve screenshots clean

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

# Hindi pages need a Devanagari font in Chromium (screenshots, Lighthouse, axe): Debian's
# fonts-noto-core has Noto Sans Devanagari. The tests also read pages back as people do:
# the printed handout (tests/test_print.py) with poppler-utils' pdfinfo, pdftotext and
# pdftoppm and its QR code with zbar-tools; share cards (issue 13) with tesseract and its
# Hindi data (OCR). The build draws those cards (render/cards.py) with Pillow's Raqm layout,
# which loads FriBiDi (libfribidi0) from the system. Installed when any is missing (needs
# root, as for Chromium).
$(FONTS_STAMP): $(PY_STAMP)
	fc-list :lang=hi | grep -q . && command -v pdftoppm >/dev/null && command -v pdfinfo >/dev/null \
	  && command -v zbarimg >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx hin \
	  && $(BIN)/python -c 'from PIL import features; assert features.check("raqm")' 2>/dev/null \
	  || { $(RETRY) apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install \
	  -y -qq fonts-noto-core tesseract-ocr tesseract-ocr-hin poppler-utils zbar-tools \
	  libfribidi0 $(DONE); }
	touch $@

# The virtualenv with the pinned packages, nothing built (CI publishing starts here).
bootstrap: $(PY_STAMP)

# $(call task,NAME): run `invoke NAME`, shown as make shows a command. A task that fails has
# said why; make would add "make: *** [Makefile:N: site] Error 1", which reads like a second,
# cryptic failure, and which it prints for every failed command whatever -s or .SILENT say.
# It says nothing only when it stops on SIGQUIT, and exits with status 1 (CI still fails).
# So a failed task sends make SIGQUIT, and stays make's child a moment longer: make's
# handler waits for it, and sees it end well (a child ending badly would be reported).
task = @echo "$(BIN)/invoke $(1)"; $(BIN)/invoke $(1) || { kill -QUIT $$PPID; sleep 1; }

site: $(PY_STAMP)
	$(call task,build)

test: $(PY_STAMP) $(NODE_STAMP) $(BROWSER_STAMP) $(NGINX_STAMP) $(FONTS_STAMP)
	$(call task,test)

serve: $(PY_STAMP)
	$(call task,serve)

screenshots: $(PY_STAMP) $(BROWSER_STAMP) $(FONTS_STAMP)
	$(call task,screenshots)

clean:
	rm -rf $(VENV) node_modules output .output.cache
