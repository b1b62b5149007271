"""One module per screen; every view takes the AppContext in its constructor."""
