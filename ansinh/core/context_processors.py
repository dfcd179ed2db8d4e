from django.http import HttpRequest

from ansinh import __version__


def version(request: HttpRequest) -> dict[str, str]:
    return {"ANSINH_VERSION": __version__}
