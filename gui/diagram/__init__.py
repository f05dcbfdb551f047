"""The network diagram: where things go (layout) and how they are drawn and picked (view)."""
