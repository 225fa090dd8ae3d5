"""newskg: knowledge graphs from German news articles.

The flow runs one way: articles -> spaCy Doc -> mentions -> statements -> RDF
quads -> store -> query / export / summary / serve (``kg.web``).  Importing ``kg`` (or
any module that a read command needs: ``kg.cli``, ``kg.store``, ``kg.queries``,
``kg.summary``, ``kg.web``) never imports spaCy; the extraction modules (``kg.nlp``,
``kg.doclists``, ``kg.gazetteer_matcher``, ``kg.wordtable``, ``kg.mentions``,
``kg.extraction``, ``kg.clauses``, ``kg.ner``) do, and are
imported only by a build (a test checks that ``kg.cli`` does not).
"""

__version__ = "0.1.0"
