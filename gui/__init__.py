"""CNN Casebook's Qt views. Views never call torch: they talk to the engine through gui.engine_bridge."""
