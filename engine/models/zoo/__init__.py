"""The model zoo: the lecture's networks by name, with their facts (see ``registry``). Importing it does not
import torch; building a model does."""

from engine.models.zoo.registry import SECTIONS, ModelInfo, get_info, get_model, list_models, top1

__all__ = ["ModelInfo", "SECTIONS", "list_models", "get_info", "get_model", "top1"]
