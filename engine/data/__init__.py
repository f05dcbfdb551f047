"""Data: the data sets, the user's image files (the one place that opens them) and augmentation."""
