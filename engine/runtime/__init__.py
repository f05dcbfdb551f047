"""The runtime: the engine thread (worker), the messages that cross to the GUI (events), the device and the
user-facing error type."""
