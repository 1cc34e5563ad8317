"""Event detection and classification: cue lexicons, rules, modality and the linear model."""
