"""Looking inside a model: feature maps and Grad-CAM for one image, and what convolutions cost."""
