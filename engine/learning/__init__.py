"""Learning: the trainer, its run folders, transfer learning and the plain-versus-residual sweep."""
