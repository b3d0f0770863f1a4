"""``tqcheck models``: list, install, remove and locate offline Argos Translate packages."""

from __future__ import annotations

import re
from pathlib import Path

import click

from tqcheck.commands import handle_errors
from tqcheck.commands.options import setting_option
from tqcheck.translate import packages as pk

_URL_RE = re.compile(r"^(?:https?|file)://", re.IGNORECASE)

models_dir_option = setting_option("models_dir")


@click.group("models")
def models_group() -> None:
    """Manage offline Argos Translate packages (shared with argospm)."""


@models_group.command("list")
@models_dir_option
@click.option("--available", is_flag=True, help="List the packages of the Argos index instead.")
@click.option("--index", "index", default=None, help="Index URL (default: $ARGOS_PACKAGE_INDEX).")
@click.option("--refresh", is_flag=True, help="Download the index even if a copy is cached.")
@handle_errors
def list_command(models_dir: str | None, available: bool, index: str | None, refresh: bool) -> int:
    """List installed packages: languages, version, folder."""
    if available:
        for entry in sorted(
            pk.available_packages(pk.load_index(index, refresh=refresh)),
            key=lambda e: (e["from_code"], e["to_code"]),
        ):
            click.echo(
                f"{entry['from_code']}\t{entry['to_code']}\t{entry.get('package_version', '')}\t"
                f"{entry.get('from_name', '')} → {entry.get('to_name', '')}"
            )
        return 0
    directory = pk.resolve_models_dir(models_dir)
    installed = pk.list_installed(directory)
    if not installed:
        click.echo(f"no packages installed in {directory}", err=True)
        return 0
    for package in installed:
        names = f"{package.from_name or package.from_code} → {package.to_name or package.to_code}"
        click.echo(
            f"{package.from_code}\t{package.to_code}\t{package.package_version}\t"
            f"{package.name}\t{names}"
        )
    return 0


@models_group.command("install")
@click.argument("spec", nargs=-1, required=True)
@models_dir_option
@click.option(
    "--force",
    "--upgrade",
    "force",
    is_flag=True,
    help="Replace an installed package for the same language pair.",
)
@click.option("--index", "index", default=None, help="Index URL (default: $ARGOS_PACKAGE_INDEX).")
@click.option("--refresh", is_flag=True, help="Download the index even if a copy is cached.")
@handle_errors
def install_command(
    spec: tuple[str, ...], models_dir: str | None, force: bool, index: str | None, refresh: bool
) -> int:
    """Install a package: FILE.argosmodel, a URL, or FROM TO (from the Argos index).

    \b
    tqcheck models install ar en
    tqcheck models install ./translate-ar_en-1_0.argosmodel
    tqcheck models install https://example.org/translate-ar_en-1_0.argosmodel
    """
    directory = pk.resolve_models_dir(models_dir)
    if len(spec) == 2 and all(pk.LANG_CODE_RE.match(code) for code in spec):
        package = pk.install_pair(
            spec[0], spec[1], directory, force=force, index=index, refresh=refresh
        )
    elif len(spec) == 1 and _URL_RE.match(spec[0]):
        package = pk.install_url(spec[0], directory, force=force)
    elif len(spec) == 1:
        package = pk.install_archive(Path(spec[0]), directory, force=force)
    else:
        raise pk.PackageError("install takes FILE.argosmodel, a URL, or two language codes FROM TO")
    click.echo(
        f"installed {package.from_code}→{package.to_code} {package.package_version} "
        f"({package.name}) in {directory}"
    )
    return 0


@models_group.command("remove")
@click.argument("spec", nargs=-1, required=True)
@models_dir_option
@handle_errors
def remove_command(spec: tuple[str, ...], models_dir: str | None) -> int:
    """Remove a package, named by FROM TO or by its folder name."""
    directory = pk.resolve_models_dir(models_dir)
    package = pk.resolve_installed(directory, spec)
    pk.remove_package(package)
    click.echo(
        f"removed {package.from_code}→{package.to_code} {package.package_version} ({package.name})"
    )
    return 0


@models_group.command("path")
@click.argument("spec", nargs=-1)
@models_dir_option
@handle_errors
def path_command(spec: tuple[str, ...], models_dir: str | None) -> int:
    """Print the packages directory, or the folder of one package (FROM TO or its name)."""
    directory = pk.resolve_models_dir(models_dir)
    click.echo(str(pk.resolve_installed(directory, spec).path if spec else directory))
    return 0
