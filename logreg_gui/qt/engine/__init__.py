"""Training beside the window: the worker in its own thread, its background jobs, the controller
that commands it, and the tracker that tells it when a frame has been painted."""
