"""Analysis: reads the model, never changes it. Gap rules, evaluation, statistics."""
