"""yantai_pledges: Chinese local-government pledge articles → typed, bilingual data.

>>> import yantai_pledges
>>> article = yantai_pledges.parse("确保全年新开工项目130个以上。")
>>> target = article.statements[0].targets[0]
>>> (target.quantity.base_value, target.comparator.value, target.commitment.value)
(Decimal('130'), 'at_least', 'ensure')
"""

from typing import TYPE_CHECKING, Any

from .errors import (
    DataFileError,
    DecodingError,
    EmptyInputError,
    ExportError,
    InputError,
    MissingDependencyError,
    ModelNotInstalledError,
    TranslationError,
    UnsafeOutputError,
    YantaiPledgesError,
)
from .models import (
    Article,
    Bilingual,
    Commitment,
    Comparator,
    Deadline,
    FileError,
    Furniture,
    FurnitureKind,
    IndicatorRef,
    Jurisdiction,
    JurisdictionLevel,
    Milestone,
    Period,
    PeriodKind,
    PeriodSource,
    Point,
    Quantity,
    Source,
    Speaker,
    Statement,
    Status,
    Target,
)
from .pipeline import parse

if TYPE_CHECKING:  # heavy modules (openpyxl, multiprocessing, pypinyin, dask) load on first use
    from .corpus import parse_many
    from .corpus.bag import parse_bag
    from .export import (
        read_sqlite,
        to_csv,
        to_excel,
        to_frame,
        to_json,
        to_jsonl,
        to_parquet,
        to_rows,
        to_sqlite,
    )
    from .tracking import Tracking, track
    from .translation import translate

__version__ = "0.1.0"

# Public name → module that defines it, imported on first attribute access (PEP 562).
_LAZY = {
    "parse_bag": ".corpus.bag",
    "parse_many": ".corpus",
    "read_sqlite": ".export",
    "to_csv": ".export",
    "to_excel": ".export",
    "to_frame": ".export",
    "to_json": ".export",
    "to_jsonl": ".export",
    "to_parquet": ".export",
    "to_rows": ".export",
    "to_sqlite": ".export",
    "track": ".tracking",
    "Tracking": ".tracking",
    "translate": ".translation",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib  # noqa: PLC0415 - only needed for the lazy names

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Article",
    "Bilingual",
    "Commitment",
    "Comparator",
    "DataFileError",
    "Deadline",
    "DecodingError",
    "EmptyInputError",
    "ExportError",
    "FileError",
    "Furniture",
    "FurnitureKind",
    "IndicatorRef",
    "InputError",
    "Jurisdiction",
    "JurisdictionLevel",
    "Milestone",
    "MissingDependencyError",
    "ModelNotInstalledError",
    "Period",
    "PeriodKind",
    "PeriodSource",
    "Point",
    "Quantity",
    "Source",
    "Speaker",
    "Statement",
    "Status",
    "Target",
    "Tracking",
    "TranslationError",
    "UnsafeOutputError",
    "YantaiPledgesError",
    "parse",
    "parse_bag",
    "parse_many",
    "read_sqlite",
    "to_csv",
    "to_excel",
    "to_frame",
    "to_json",
    "to_jsonl",
    "to_parquet",
    "to_rows",
    "to_sqlite",
    "track",
    "translate",
]
