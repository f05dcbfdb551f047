"""One module per lecture section (and the tabs of a section). Pages never import each other."""
