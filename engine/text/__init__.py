"""How figures are written for people: numbers with separators or units, and the command line's reports."""
