"""Teaching: cue highlighting and the conclusion guess, skeleton maps, worksheets, grading, quizzes.

Every module here returns data; the views in :mod:`argmap.views` print it
and :mod:`argmap.cli` wires it to commands.
"""
