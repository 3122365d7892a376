"""Corpus stages: the view across articles (copies, stories, comparison, timeline, brief).

They read records produced by the per-article stages (articles, claims, mentions) and never
go back to the raw files.
"""
