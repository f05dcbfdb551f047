# `make run` and `make test` each create .venv when it is missing and install the project into it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test fuzz mutation lint translations depth experiments weights clean legibility

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade --quiet pip

$(STAMP_RUN): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(PY) main.py

test: $(STAMP_TEST)
	$(VENV)/bin/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The property-based suites (tests/engine/test_properties.py) with thousands of examples each instead of the
# few dozen `make test` runs (the "fuzz" profile in tests/conftest.py); failures found are kept in .hypothesis/.
fuzz: $(STAMP_TEST)
	HYPOTHESIS_PROFILE=fuzz QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/engine/test_properties.py

# Mutation testing (mutmut, the "mutation" extra): each mutant is a one-token change of the code; the share the
# tests kill is the measure of the suite. tests/mutation_groups.py runs it per group of modules (views, analysis,
# cost, training, features), each with the tests that matter for it, in build/mutation/GROUP/, and prints each
# module's figures. All of it takes hours on two cores: GROUPS picks groups, MUTANTS narrows them by name, e.g.
# make mutation GROUPS=analysis MUTANTS='engine.models.analysis.x__macs*'   (README, "Mutation testing").
# AGAIN=1 judges the named mutants again with the tests as they are now, keeping the group's other results.
GROUPS ?=
MUTANTS ?=
AGAIN ?=
mutation: $(STAMP_TEST)
	$(PY) -m pip install --quiet -e '.[mutation]'
	nice -n 10 $(PY) tests/mutation_groups.py $(GROUPS) $(if $(MUTANTS),--mutants $(foreach m,$(MUTANTS),'$(m)')) $(if $(AGAIN),--again)

lint: $(STAMP_TEST)
	$(VENV)/bin/ruff check .

# Refresh the .ts sources from the code, then compile them to the .qm files the app loads.
translations: $(STAMP_RUN)
	$(PY) main.py translations

# The plain-versus-residual result shipped in resources/depth: the default sweep, on the CPU (a few minutes).
depth: $(STAMP_RUN)
	$(PY) main.py depth --device cpu --out resources/depth/digits.json

# The experiments' shipped results in resources/experiments: each default configuration (3 seeds), on the CPU, one
# after the other (minutes each: README, "Experiments"). bottleneck-time and augmentation are made the same way.
EXPERIMENTS_SHIPPED ?= activation pooling stacked-filters depth
EXPERIMENTS_SHIPPED += bottleneck-time augmentation
experiments: $(STAMP_RUN)
	mkdir -p resources/experiments
	for name in $(EXPERIMENTS_SHIPPED); do \
		$(PY) main.py experiment $$name --device cpu --out resources/experiments/$$name.json || exit 1; \
	done

# LeNet-5's shipped weights (resources/weights/README.md): the embedded digits, augmented, 30 epochs on the CPU.
weights: $(STAMP_RUN)
	rm -rf build/lenet5-weights
	$(PY) main.py train lenet5 --dataset digits --epochs 30 --batch-size 8 --optimizer sgd --lr 0.02 \
		--schedule cosine --augment --seed 0 --device cpu --out build/lenet5-weights
	mkdir -p resources/weights
	cp build/lenet5-weights/*/last.pt resources/weights/lenet5_digits.pt

clean:
	rm -rf $(VENV) .pytest_cache

# Every page and tab at 1280×720, 1366×768, 1600×900, 1920×1080 and a 4K projector at device pixel ratio 2, 100 and
# 150 %, English and Korean, every model page's views (the suite samples the sizes and pages; see the test).
legibility: $(STAMP_TEST)
	CASEBOOK_LEGIBILITY=full QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/gui/test_legibility.py
