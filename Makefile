# Two commands for users: `make demo` and `make test`. Both create .venv and install the pinned dependencies
# (pyproject.toml + constraints.txt) the first time, and reuse them afterwards.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast test-cluster lint install clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newscorpus needs Python >= 3.11 (set PYTHON=python3.11)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing pinned dependencies into $(VENV) (first run only, about a minute)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

demo: $(STAMP)
	$(BIN)/newscorpus demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow"

# The Celery cluster tests only (PostgreSQL + Redis on 127.0.0.1, or where the AIRFLOW__DATABASE__SQL_ALCHEMY_CONN /
# AIRFLOW__CELERY__BROKER_URL / AIRFLOW__CELERY__RESULT_BACKEND variables point). Starts neither; says what is missing.
test-cluster: $(STAMP)
	@$(BIN)/python -m newscorpus.airflow_services check
	NEWSCORPUS_REQUIRE_CLUSTER=1 $(BIN)/pytest -m cluster -s tests/test_cluster.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf data .airflow
