"""placeholder"""
from starlette.responses import PlainTextResponse


def routes():
    return []


async def not_found(request, exc):
    return PlainTextResponse("not found\n", status_code=404)


def query_page(request):
    return PlainTextResponse("query page\n")
