"""Text panels that follow the frames: status, formulas, metrics and the history bar."""
