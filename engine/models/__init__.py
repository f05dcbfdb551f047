"""The models: the zoo (one module per family and the registry), their layer analysis, where their weights
come from and the checkpoint files."""
