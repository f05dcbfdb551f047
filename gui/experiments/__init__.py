"""The experiments in the window: one experiment's view (``view.py``, pyqtgraph) and the tab that holds a page's
experiments and builds each view when first shown (``tab.py``, light: a page imports it at build time)."""
