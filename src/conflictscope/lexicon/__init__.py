"""Word lists and cue patterns shared by several parts of the system, one home each.

The knowledge packages (gazetteer, actors, timex, classify) and the pipeline stages
import their shared lists from here; nothing here imports the pipeline.
"""
