"""CNN Casebook's engine: models, analysis, data and training. Pure Python and torch, never Qt."""
