"""Experiments that answer the lecture's "why" questions: variants that differ in one thing, side by side.

``result.py`` holds the plain data every experiment shares (options, variants, runs, the result file); the
runner and each experiment's definition live beside it.
"""
