"""Canonical actors: the curated dictionary, the matcher and the role rules.

See ``docs/actors.md``. Entry points: :func:`conflictscope.actors.dictionary.load_dictionary`,
:func:`conflictscope.actors.resolve.resolve_article` (stage ``actors``) and
:func:`conflictscope.actors.roles.assign_roles` (stage ``roles``).
"""
