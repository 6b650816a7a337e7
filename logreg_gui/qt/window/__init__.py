"""The main window: it owns the data, builds one frame per redraw and shows it in every view;
its actions, controls, settings and start-up."""
