"""Docks that sit beside any page: the training panel."""
