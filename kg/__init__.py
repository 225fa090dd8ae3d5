"""newskg: knowledge graphs from German news articles.

The flow runs one way: articles -> spaCy Doc -> mentions -> statements -> RDF
quads -> store -> query / export / summary.  Importing ``kg`` (or any module
that a read command needs) never imports spaCy; only ``kg.nlp`` does.
"""

__version__ = "0.1.0"
