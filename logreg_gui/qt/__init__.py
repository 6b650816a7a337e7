"""The Qt layer: the training worker, its controller, the plots and the main window."""
