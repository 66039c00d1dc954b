"""Actors: the knowledge base (kb.py), resolution of a mention to actors (resolve.py) and
coreference inside a document (coref.py)."""

from dotterel.actors.coref import DocumentActors
from dotterel.actors.kb import KnowledgeBase, Role
from dotterel.actors.resolve import ActorResolver, resolve_text

__all__ = ["ActorResolver", "DocumentActors", "KnowledgeBase", "Role", "resolve_text"]
