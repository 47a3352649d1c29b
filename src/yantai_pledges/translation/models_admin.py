"""Install and list Argos Translate model packages, offline.

An Argos package (``.argosmodel``) is a zip archive of one folder holding ``metadata.json``
(``from_code``, ``to_code``, ``package_version``…), a tokenizer (``sentencepiece.model``) and a
CTranslate2 model in ``model/``. Installing means unpacking that folder into the packages
directory; nothing is ever downloaded here.

The packages directory is resolved on every call, the way Argos itself resolves it:
the ``packages_dir`` argument, else the ``ARGOS_PACKAGES_DIR`` environment variable, else
Argos's ``settings.json``, else ``$XDG_DATA_HOME/argos-translation/packages``. (Argos reads the
setting once, when ``argostranslate.settings`` is first imported; resolving it per call means a
changed environment variable takes effect at once.)

Why not ``argostranslate.package.install_from_path``: after unpacking it imports
``argostranslate.translate``, which imports stanza, spaCy and torch (seconds of start-up, and
code that can download sentence-splitting models). The unpacking below is the same
``zipfile.extractall`` into the same directory, plus checks of the archive's layout.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import DataFileError, MissingDependencyError

__all__ = [
    "ARGOS_EXTRA_HINT",
    "INSTALL_HINT",
    "InstalledModel",
    "find_model",
    "install_model",
    "list_models",
    "packages_dir",
]

ARGOS_EXTRA_HINT = "pip install 'yantai-pledges[argos]'"
INSTALL_HINT = "yantai-pledges models install PATH.argosmodel"
_CHINESE_CODES = frozenset({"zh", "zh-cn", "zh-hans", "zh_cn", "zh_hans", "cmn"})


@dataclass(frozen=True, slots=True)
class InstalledModel:
    """An installed Argos package: its language pair, version and folder."""

    from_code: str
    to_code: str
    version: str
    path: Path
    name: str = ""

    @property
    def is_zh_en(self) -> bool:
        """True for a (Simplified) Chinese → English package."""
        return self.from_code.lower() in _CHINESE_CODES and self.to_code.lower() == "en"


def _argos_package_module() -> Any:
    """Import ``argostranslate.package`` (light: no torch), or say which extra is missing."""
    try:
        from argostranslate import package  # noqa: PLC0415 - optional extra, loaded on use
    except ImportError as error:
        raise MissingDependencyError(
            f"Argos models need the optional 'argos' extra: {ARGOS_EXTRA_HINT}"
        ) from error
    return package


def packages_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The directory Argos packages are installed in (see the module docstring)."""
    if explicit is not None:
        return Path(explicit)
    from_environment = os.environ.get("ARGOS_PACKAGES_DIR")
    if from_environment:
        return Path(from_environment)
    _argos_package_module()
    from argostranslate import settings  # noqa: PLC0415 - optional extra, loaded on use

    default = settings.data_dir / "packages"
    return Path(settings.get_setting("ARGOS_PACKAGES_DIR", default=default))


def _read_model(folder: Path) -> InstalledModel:
    package = _argos_package_module().Package(folder)
    return InstalledModel(
        from_code=str(package.from_code or ""),
        to_code=str(package.to_code or ""),
        version=str(package.package_version or ""),
        path=folder,
        name=str(getattr(package, "code", None) or folder.name),
    )


def list_models(directory: str | os.PathLike[str] | None = None) -> list[InstalledModel]:
    """Every installed package (folders with a readable ``metadata.json``), sorted by pair."""
    root = packages_dir(directory)
    if not root.is_dir():
        return []
    models = []
    for folder in sorted(root.iterdir()):
        if not (folder / "metadata.json").is_file():
            continue
        try:
            models.append(_read_model(folder))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # a half-copied or foreign folder is not a package; skip it
    return sorted(models, key=lambda model: (model.from_code, model.to_code, model.path))


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for part in version.replace("-", ".").split("."):
        digits = "".join(character for character in part if character.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def find_model(directory: str | os.PathLike[str] | None = None) -> InstalledModel | None:
    """The installed zh→en package with the highest version, or ``None``."""
    candidates = [model for model in list_models(directory) if model.is_zh_en]
    if not candidates:
        return None
    return max(candidates, key=lambda model: (_version_key(model.version), str(model.path)))


def _package_folder(archive: zipfile.ZipFile, path: Path) -> str:
    """The archive's single top-level folder, after checking the Argos layout."""
    names = [PurePosixPath(name) for name in archive.namelist()]
    tops = {name.parts[0] for name in names if name.parts}
    if len(tops) != 1:
        raise DataFileError(
            f"{path} is not an Argos package: expected one top-level folder, "
            f"found {len(tops)} entries ({', '.join(sorted(tops)[:5])})"
        )
    top = tops.pop()
    if top in {"..", "/"} or top.startswith("/"):
        raise DataFileError(f"{path}: unsafe path {top!r} in the archive")
    members = {name.as_posix() for name in names}
    if f"{top}/metadata.json" not in members:
        raise DataFileError(f"{path} is not an Argos package: {top}/metadata.json is missing")
    if not any(member.startswith(f"{top}/model/") for member in members):
        raise DataFileError(f"{path} is not an Argos package: {top}/model/ is missing")
    try:
        metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataFileError(f"{path}: {top}/metadata.json is not valid JSON: {error}") from error
    if not isinstance(metadata, dict) or not metadata.get("from_code"):
        raise DataFileError(f"{path}: {top}/metadata.json has no from_code")
    return top


def install_model(
    path: str | os.PathLike[str], directory: str | os.PathLike[str] | None = None
) -> InstalledModel:
    """Install the ``.argosmodel`` file at ``path`` (offline); an older copy is replaced."""
    source = Path(path)
    if not source.is_file():
        raise DataFileError(f"no such model file: {source} (pass the path of a .argosmodel file)")
    if not zipfile.is_zipfile(source):
        raise DataFileError(f"{source} is not an Argos package (a .argosmodel is a zip archive)")
    root = packages_dir(directory)
    try:
        with zipfile.ZipFile(source) as archive:
            folder = _package_folder(archive, source)
            root.mkdir(parents=True, exist_ok=True)
            target = root / folder
            if target.exists():
                shutil.rmtree(target)
            archive.extractall(root)  # zipfile drops "..", drive and absolute parts
    except (OSError, zipfile.BadZipFile) as error:
        raise DataFileError(f"cannot install {source} into {root}: {error}") from error
    return _read_model(target)
