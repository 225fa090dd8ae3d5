"""``kg serve``: the store over HTTP, read-only.

* :mod:`kg.web.protocol`: the SPARQL 1.1 Protocol endpoint (``/sparql``);
* :mod:`kg.web.explore`: what the explorer's pages show, as SPARQL with stable ``ORDER BY``
  and ``LIMIT``/``OFFSET`` paging;
* :mod:`kg.web.pages`: the explorer's routes and Jinja2 templates (``templates/``);
* :mod:`kg.web.app`: the Starlette application, CORS, and the uvicorn server.

Importing it does not import spaCy.
"""
