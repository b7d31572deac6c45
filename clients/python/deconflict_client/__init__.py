"""Client of the Deconflict hub: `Hub(base_url, key)`; its model is generated from the hub's OpenAPI document."""

from .client import Hub, ProblemError, Reply
from .model import OPERATIONS

__all__ = ["Hub", "ProblemError", "Reply", "OPERATIONS"]
