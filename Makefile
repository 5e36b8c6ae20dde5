# Two commands matter (CONTRACT §1): `make run` and `make test`. Each sets itself up,
# idempotently, on a fresh Debian 12 machine.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := web/static/vendor
DEB_TEST_PKGS := chromium espeak-ng sox ffmpeg libsndfile1 sqlite3 debootstrap systemd openssl nginx-light \
	tesseract-ocr tesseract-ocr-vie poppler-utils libreoffice-writer-nogui fonts-dejavu-core
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export PYANNOTE_METRICS_ENABLED := 0
export DO_NOT_TRACK := 1

.PHONY: run test test-embedder bench lint typecheck setup vendor sysdeps clean-data

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev,models-cpu]"
	# The GE2E speaker encoder's weights ship in the Resemblyzer wheel (Apache-2.0); its declared
	# dependencies (torch, librosa, webrtcvad) are not needed: the appliance reads the weights itself.
	$(BIN)/pip install -q --no-deps resemblyzer==0.1.4
	@touch $(STAMP)

setup: $(STAMP) vendor

# Front-end libraries come from npm at set-up and are served locally: never from a CDN.
$(VENDOR)/.installed: package.json package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	npm ci --no-audit --no-fund --silent
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js
	cp node_modules/echarts/dist/echarts.min.js $(VENDOR)/echarts.min.js
	@touch $@

vendor: $(VENDOR)/.installed

sysdeps:
	@missing=""; for p in $(DEB_TEST_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Cài gói Debian còn thiếu:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

run: setup
	$(BIN)/appliance demo-data --if-empty
	@$(BIN)/appliance demo-logins
	$(BIN)/appliance serve

lint: $(STAMP)
	$(BIN)/ruff check appliance tests bench provisioning
	$(BIN)/mypy

# Every test's time goes to var/test-times.xml (JUnit XML; the serial part to var/test-times-serial.xml): CI has 25
# minutes on 2 cores, and the slowest 15 printed below do not show where the rest of the time goes. Two workers
# (pytest-xdist, whole files per worker so each file's fixtures are built once) run everything but the `serial` tests,
# which assert wall-clock limits and run afterwards alone (tests/conftest.py, SERIAL_FILES): the tests that wait on a
# browser, a subprocess or the disk left a core idle (session 25: 1.252 s -> 1.188 s; the model-heavy tests already
# used both cores). Exit 5 is "no test selected" (a PYTEST_ARGS naming only files of the other part).
TEST_WORKERS ?= 2
test: sysdeps setup lint
	mkdir -p var
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder -m "not serial" \
		--durations=15 --junit-xml=var/test-times.xml $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/python -m pytest -q -p no:cacheprovider -m serial --durations=5 --junit-xml=var/test-times-serial.xml \
		$(PYTEST_ARGS) || [ $$? -eq 5 ]

# The tests that embed the whole legal library (tests/knowledge/embedded.py): about 4 minutes more on 2 cores.
test-embedder: setup
	APPLIANCE_TEST_EMBED_LIBRARY=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/knowledge/test_blind_legal.py \
		tests/knowledge/test_session14_search.py

bench: setup
	$(BIN)/python -m bench $(BENCH_ARGS)

clean-data:
	rm -rf var
