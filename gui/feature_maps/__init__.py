"""The feature-map view: an image flowing through a network, layer by layer, with its top-5 and Grad-CAM."""
