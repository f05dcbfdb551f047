"""Building blocks shared by pages and views; they import no page, view or the window."""
