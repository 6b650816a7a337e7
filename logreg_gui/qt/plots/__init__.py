"""The plots: each creates its items once, then updates them in place from each frame."""
