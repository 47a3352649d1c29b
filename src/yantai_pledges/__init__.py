"""yantai_pledges: Chinese local-government pledge articles → typed, bilingual data.

>>> import yantai_pledges
>>> article = yantai_pledges.parse("确保全年新开工项目130个以上。")
>>> target = article.statements[0].targets[0]
>>> (target.quantity.base_value, target.comparator.value, target.commitment.value)
(Decimal('130'), 'at_least', 'ensure')
"""

from .errors import (
    DataFileError,
    DecodingError,
    EmptyInputError,
    ExportError,
    InputError,
    MissingDependencyError,
    ModelNotInstalledError,
    TranslationError,
    YantaiPledgesError,
)
from .models import (
    Article,
    Bilingual,
    Commitment,
    Comparator,
    Deadline,
    FileError,
    Milestone,
    Point,
    Quantity,
    Source,
    Speaker,
    Statement,
    Status,
    Target,
)

__version__ = "0.1.0"

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
    "InputError",
    "Milestone",
    "MissingDependencyError",
    "ModelNotInstalledError",
    "Point",
    "Quantity",
    "Source",
    "Speaker",
    "Statement",
    "Status",
    "Target",
    "TranslationError",
    "YantaiPledgesError",
]
