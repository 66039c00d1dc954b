"""Actors: the knowledge base (kb.py) and resolution of a mention to actors (resolve.py)."""

from dotterel.actors.kb import KnowledgeBase, Role
from dotterel.actors.resolve import ActorResolver, resolve_text

__all__ = ["ActorResolver", "KnowledgeBase", "Role", "resolve_text"]
