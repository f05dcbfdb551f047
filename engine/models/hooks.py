"""Watching a model's leaf modules as it runs: the forward-hook fallback of the layer analysis and of the
feature-map capture, for a model that torch.fx cannot trace."""

from __future__ import annotations

from collections.abc import Callable

from torch import nn

__all__ = ["run_watching_leaves"]

OnCall = Callable[[str, nn.Module, tuple, object], None]


def run_watching_leaves(model: nn.Module, inputs, on_call: OnCall):
    """Run ``model(inputs)`` and call ``on_call(call_name, module, args, output)`` after every leaf module's
    call, in order; a module called again is ``name_1``, ``name_2``… The hooks are removed after, whatever
    happens (torchinfo's rule). Returns the model's output."""
    calls: dict[str, int] = {}

    def watcher(name: str):
        def watch(module: nn.Module, args, output) -> None:
            count = calls.get(name, 0)
            calls[name] = count + 1
            on_call(name if count == 0 else f"{name}_{count}", module, args, output)

        return watch

    leaves = [(name, module) for name, module in model.named_modules() if not any(module.children())]
    handles = [module.register_forward_hook(watcher(name or "model")) for name, module in leaves]
    try:
        return model(inputs)
    finally:
        for handle in handles:
            handle.remove()
